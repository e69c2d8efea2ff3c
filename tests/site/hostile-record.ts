/**
 * A session record written to attack the page: markup and script in every kind of text the site
 * shows (title, place, discussion, people, organisations, agreements, commitments), and cells a
 * spreadsheet would run as formulas. The site must show all of it as the text it is.
 */
import type { Config } from '../../pipeline/config/config.ts';
import type { SessionRecord } from '../../pipeline/model/index.ts';

export const hostileId = '2016-07-14-mesa-3-sesion-3';
export const scriptText = '<script>alert(1)</script>';
export const imageText = '<img src=x onerror=alert(2)>';

export function hostileRecord(seed: SessionRecord): SessionRecord {
  const record = structuredClone(seed);
  record.id = hostileId;
  record.date = '2016-07-14';
  record.session_number = 3;
  record.convened_on = '2016-07-07';
  record.prepared_on = '2016-07-20';
  record.title = `Mesa N°3 ${scriptText}`;
  record.location = `"><script>alert(3)</script> Sala ${imageText}`;
  record.discussion = `Primer párrafo ${imageText} y ${scriptText}.\n\n- **${scriptText}** en una lista\n- <b onclick="alert(4)">negrita falsa</b>\n\n<iframe src="https://example.org"></iframe>`;
  const [first, second] = record.attendees;
  if (first) first.organization = imageText;
  if (second) second.last_name = `${scriptText}Faúndez`;
  record.agreements = ['=HYPERLINK("http://example.org","clic")', ...record.agreements.slice(1)];
  record.commitments = record.commitments.map((c, i) => (i === 0 ? { ...c, text: scriptText } : c));
  record.observations = ['+56 es un prefijo, no una fórmula', '@persona', ...record.observations];
  return record;
}

/** Configuration text is not trusted either: it reaches the title, the JSON-LD and the links. */
export function hostileConfig(config: Config): Config {
  const hostile = structuredClone(config);
  hostile.dataset.title = `Actas </script><script>alert(7)</script>`;
  hostile.dataset.description = `Descripción con <b onmouseover="alert(8)">marcas</b> ${imageText}`;
  hostile.dataset.keywords = ['</script>', 'participación'];
  hostile.dataset.homepage = 'javascript:alert(9)';
  hostile.dataset.contact = 'javascript:alert(10)';
  return hostile;
}
