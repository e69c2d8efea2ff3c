/** "1 fila nueva", "2 filas nuevas": Spanish agreement for counts in messages. */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
