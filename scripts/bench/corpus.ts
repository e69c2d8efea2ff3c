/**
 * A synthetic corpus of realistic session records for benchmarks: about 20 attendees, 10
 * initiatives, 6 agenda items and 5 commitments per session, Spanish text with accents, valid
 * against the schema and every rule. Deterministic: the same scale gives the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Organization, SessionRecord } from '../../pipeline/model/index.ts';
import { serializeRecord } from '../../pipeline/records/serialize.ts';

/** Mulberry32: a small, fast, seedable PRNG, so corpora are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lastNames = [
  'González',
  'Muñoz',
  'Rojas',
  'Díaz',
  'Pérez',
  'Soto',
  'Contreras',
  'Silva',
  'Martínez',
  'Sepúlveda',
  'Morales',
  'Rodríguez',
  'López',
  'Fuentes',
  'Hernández',
  'Torres',
  'Araya',
  'Flores',
  'Espinoza',
  'Valenzuela',
  'Castillo',
  'Tapia',
  'Reyes',
  'Gutiérrez',
  'Castro',
  'Pizarro',
  'Álvarez',
  'Vásquez',
  'Sánchez',
  'Fernández',
  'Ramírez',
  'Carrasco',
  'Gómez',
  'Cortés',
  'Herrera',
  'Núñez',
  'Jara',
  'Vergara',
  'Rivera',
  'Figueroa',
];
const firstNames = [
  'María José',
  'Camila',
  'Valentina',
  'Francisca',
  'Javiera',
  'Constanza',
  'Catalina',
  'Fernanda',
  'Ignacia',
  'Antonia',
  'Benjamín',
  'Matías',
  'Sebastián',
  'Nicolás',
  'Martín',
  'Joaquín',
  'Tomás',
  'Vicente',
  'Diego',
  'Felipe',
  'Cristóbal',
  'Agustín',
  'Ñuble',
  'José Tomás',
];
const topics = [
  'datos abiertos',
  'compras públicas',
  'participación ciudadana',
  'transparencia presupuestaria',
  'gobierno digital',
  'integridad pública',
  'acceso a la información',
  'municipios abiertos',
  'lobby y probidad',
  'justicia abierta',
  'medio ambiente',
  'educación cívica',
];
const verbs = [
  'Fortalecer',
  'Publicar',
  'Crear',
  'Modernizar',
  'Ampliar',
  'Evaluar',
  'Coordinar',
  'Implementar',
];
const places = [
  'Ex Congreso, Morandé 441, sala de Comisiones',
  'Palacio de La Moneda, salón Montt-Varas',
  'Biblioteca Nacional, sala Ercilla',
  'Municipalidad de Peñalolén, auditorio',
  'Universidad de Chile, Casa Central',
];
const agendaTitles = [
  'Presentación de participantes; contexto y objetivos de la sesión',
  'Resultados sesiones anteriores',
  'Priorización de iniciativas',
  'Café',
  '(Continuación) Priorización de iniciativas',
  'Cierre',
];
const ordinal = [
  'primera',
  'segunda',
  'tercera',
  'cuarta',
  'quinta',
  'sexta',
  'séptima',
  'octava',
  'novena',
  'décima',
];

export interface Corpus {
  records: SessionRecord[];
  organizations: Organization[];
}

function organizationsFor(count: number): Organization[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `organizacion-${i + 1}`,
    name:
      i % 2 === 0
        ? `Servicio Público N°${i + 1} de ${topics[i % topics.length]}`
        : `Fundación Ciudadana ${i + 1} – ${topics[i % topics.length]}`,
    acronym: i % 3 === 0 ? `SP${i + 1}` : null,
    sector: i % 2 === 0 ? 'government' : 'civil_society',
    aliases: [`Organización ${i + 1}`],
  }));
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

export function generateCorpus(sessions: number, seed = 2016): Corpus {
  const rand = random(seed);
  const organizations = organizationsFor(60);
  const records: SessionRecord[] = [];
  for (let i = 0; i < sessions; i++) {
    // Unique ids: a date per session (one every day from 2000), a working group and a session number.
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const group = (i % 12) + 1;
    const session = Math.floor(i / 12) + 1;
    const convened = new Date(day.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    const prepared = new Date(day.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const topic = topics[group % topics.length] as string;
    const sessionOrdinal = ordinal[(session - 1) % ordinal.length] as string;
    records.push({
      id: `${date}-mesa-${group}-sesion-${session}`,
      working_group: { number: group, name: `Mesa de ${topic}` },
      session_number: session,
      title: `Mesa N°${group}: Mesa de ${topic} (${sessionOrdinal} sesión)`,
      date,
      start_time: '15:00',
      end_time: '18:00',
      location: pick(rand, places),
      convened_by: `${pick(rand, firstNames)} ${pick(rand, lastNames)}`,
      convened_on: convened,
      objective: `Priorizar las iniciativas sobre ${topic} y evaluarlas con criterios OGP y enfoque SMART.`,
      expected_output: `Preselección de propuestas de ${topic} para el Plan de Acción.`,
      inputs: ['Lista de propuestas de la sesión anterior.', `Propuesta de Segpres sobre ${topic}.`],
      agenda: agendaTitles.map((title, k) => {
        const times = ['15:00', '15:10', '15:45', '16:30', '16:45', '17:40', '18:00'];
        return { start_time: times[k] as string, end_time: times[k + 1] as string, title };
      }),
      initiatives: Array.from({ length: 10 }, (_, k) => ({
        number: k + 1,
        name: `${pick(rand, verbs)} ${pick(rand, topics)} en ${pick(rand, ['municipios', 'servicios públicos', 'regiones', 'el Congreso'])} (N°${k + 1})`,
        origin: rand() < 0.1 ? null : (pick(rand, organizations).name as string),
        previous_result: rand() < 0.3 ? null : `Grupo ${1 + Math.floor(rand() * 3)}`,
      })),
      prioritization: Array.from({ length: 3 }, (_, k) => ({
        rank: k + 1,
        text: `${pick(rand, verbs)} ${pick(rand, topics)}`,
      })),
      attendees: Array.from({ length: 20 }, (_, k) => {
        const org = pick(rand, organizations);
        return {
          sector: org.sector,
          last_name: pick(rand, lastNames),
          first_name: pick(rand, firstNames),
          organization: k === 19 ? null : org.name,
        };
      }),
      discussion: Array.from({ length: 6 }, (_, k) =>
        k % 3 === 2
          ? `- Se apoya ${pick(rand, topics)}\n- Se propone ${pick(rand, topics)}`
          : `Se discute sobre ${pick(rand, topics)} y ${pick(rand, topics)}. La mesa acuerda avanzar con la participación de la sociedad civil y revisar los compromisos en la ${sessionOrdinal} sesión.`,
      ).join('\n\n'),
      agreements: Array.from({ length: 3 }, () => `Existe acuerdo respecto a ${pick(rand, topics)}.`),
      commitments: Array.from({ length: 5 }, (_, k) => ({
        number: k + 1,
        text: `Compromiso de ${pick(rand, topics)}`,
      })),
      observations: [`Incluir ${pick(rand, topics)} en el seguimiento.`],
      prepared_by: 'AMG/CMM',
      prepared_on: prepared,
      next_meeting: null,
      distributed_to: 'Asistentes',
    });
  }
  return { records, organizations };
}

/** Writes a corpus as a project folder: data/sessions/<id>.yaml and data/organizations.yaml. */
export async function writeCorpus(dir: string, corpus: Corpus): Promise<void> {
  const sessions = join(dir, 'data/sessions');
  await mkdir(sessions, { recursive: true });
  await writeFile(
    join(dir, 'data/organizations.yaml'),
    stringify({ organizations: corpus.organizations }, { version: '1.1' }),
  );
  for (const record of corpus.records)
    await writeFile(join(sessions, `${record.id}.yaml`), serializeRecord(record));
}
