/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a text cell that starts with = + - @, a
 * tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets when the
 * file is opened. Such cells get an apostrophe in front, which spreadsheets show as plain text.
 * Only text fields are touched: numbers (negative ones too) are typed, never text.
 */
const formulaStart = /^[=+\-@\t\r]/;

export const needsNeutralising = (text: string): boolean => formulaStart.test(text);

export const neutralizeFormula = (text: string): string => (needsNeutralising(text) ? `'${text}` : text);

/** The rule as the dataset card, the Léeme sheet and datapackage.json state it (Spanish). */
export const neutralisationNote =
  'En los archivos CSV y en actas.xlsx, una celda de texto que empieza con =, +, -, @, tabulación o retorno de carro lleva un apóstrofo (\') delante, para que ninguna planilla la ejecute como fórmula (recomendación de OWASP sobre "CSV injection"). Quite ese primer apóstrofo para obtener el texto original; los archivos JSON, records/ y actas.sqlite tienen el texto sin cambios. Los números nunca se modifican.';

export const neutralisationNoteEn =
  "In the CSV files and actas.xlsx, a text cell starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe (') so that no spreadsheet runs it as a formula (OWASP's CSV-injection advice). Remove that first apostrophe to get the original text; the JSON files, records/ and actas.sqlite hold the text unchanged. Numbers are never altered.";
