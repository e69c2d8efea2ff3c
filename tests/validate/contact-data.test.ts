import { describe, expect, it } from 'vitest';
import { findContactData, rutCheckDigit } from '../../pipeline/validate/contact-data.ts';
import { readSeedRecord } from '../support/workspace.ts';

describe('contact data detection', () => {
  it.each([
    ['escribir a rmora@segpres.gob.cl', 'email'],
    ['contacto: maría.pérez@municipalidad.cl', 'email'],
    ['+56 9 8765 4321', 'phone'],
    ['+56987654321', 'phone'],
    ['celular 9 8765 4321', 'phone'],
    ['fono (2) 2345 6789', 'phone'],
    ['RUT 12.345.678-5', 'rut'],
    ['rut 12345678-5', 'rut'],
    ['RUT 7.654.321-6', 'rut'],
    ['RUT 9.876.543-3', 'rut'],
  ])('finds contact data in "%s"', (text, kind) => {
    expect(findContactData(text)).toBe(kind);
  });

  it.each([
    'Reforma a Ley 20.500 y nueva institucionalidad',
    'Ley 18.695 de Municipalidades',
    'Ley 19.628 sobre Protección de Datos',
    'RUT 12.345.678-9 con dígito verificador incorrecto',
    'sesión del 30.06.2016 de 15:00 a 18:00',
    'presupuesto de 1.234.567.890 pesos',
    'Morandé 441, sala de Comisiones',
    'el usuario @segpres en redes sociales',
  ])('does not flag "%s"', (text) => {
    expect(findContactData(text)).toBeUndefined();
  });

  it('computes check digits, including K and 0', () => {
    expect(rutCheckDigit('12345678')).toBe('5');
    expect(rutCheckDigit('10000013')).toBe('K');
    expect(rutCheckDigit('11111111')).toBe('1');
    expect(rutCheckDigit('6')).toBe('K');
    expect(rutCheckDigit('14')).toBe('0');
  });

  it('finds nothing in the real seed acta', async () => {
    const seed = await readSeedRecord();
    for (const line of seed.split('\n')) expect(findContactData(line), line).toBeUndefined();
  });
});
