/**
 * The frame every page shares: a strict Content-Security-Policy (no inline script or style, no
 * request outside the tree), the header with the navigation, and the footer with the version,
 * license and an English note. Pages give their title, their <main> and their scripts.
 */
import { type Html, type HtmlValue, html, trustedHtml } from './html.ts';
import { type Root, safeExternalUrl, treeHref } from './links.ts';

/** Written as is (it has quotes, and no character that needs escaping in a double-quoted attribute). */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** What the header and footer say on every page. */
export interface SiteFrame {
  datasetTitle: string;
  version: string;
  /** Date of this version, already in words. */
  date: string;
  publisher: string;
  license: { title: string; url: string | null };
  /** Where to report an error: an e-mail address or a web address. */
  contact: string | null;
}

export type Section = 'home' | 'explorer' | 'dictionary' | 'changes' | 'session';

export interface PageInput {
  frame: SiteFrame;
  root: Root;
  /** The <title>, before " · <dataset title>"; empty on the home page. */
  title: string;
  description: string;
  section: Section;
  main: Html;
  /** More of <head> (a JSON-LD block). */
  head?: HtmlValue;
  /** Tree paths of scripts, loaded deferred in this order. */
  scripts?: readonly string[];
}

const navigation: ReadonlyArray<{ section: Section; path: string; label: string }> = [
  { section: 'home', path: 'index.html', label: 'Inicio' },
  { section: 'explorer', path: 'explorar.html', label: 'Explorar' },
  { section: 'dictionary', path: 'diccionario.html', label: 'Diccionario' },
  { section: 'changes', path: 'cambios.html', label: 'Cambios' },
];

function contactLink(contact: string | null): Html | null {
  if (!contact) return null;
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(contact)) {
    return html`<a href="mailto:${contact}">${contact}</a>`;
  }
  const url = safeExternalUrl(contact);
  return url ? html`<a href="${url}">${url}</a>` : html`${contact}`;
}

function footer(frame: SiteFrame, root: Root): Html {
  const licenseUrl = safeExternalUrl(frame.license.url);
  const license = licenseUrl
    ? html`<a href="${licenseUrl}" rel="license">${frame.license.title}</a>`
    : frame.license.title;
  const contact = contactLink(frame.contact);
  return html`<footer class="site-footer">
<div class="wrap">
<p>Versión <strong>${frame.version}</strong>, publicada el ${frame.date} por ${frame.publisher}. Licencia: ${license}.</p>
<p>Comprobar los archivos: <a href="${treeHref(root, 'SHA256SUMS')}">SHA256SUMS</a> · Descripción para programas: <a href="${treeHref(root, 'datapackage.json')}">datapackage.json</a>${contact ? html` · ¿Encontró un error? Escriba a ${contact}` : ''}</p>
<p lang="en"><strong>English:</strong> open data from the minutes of Chile's Open Government Partnership working groups: sessions, attendees, initiatives, agreements and commitments. Everything on this site is in the published files (CSV, JSON, XLSX, SQLite); README.md has an English summary. This page loads nothing from outside this folder and sets no cookies.</p>
</div>
</footer>`;
}

export function renderPage(input: PageInput): string {
  const { frame, root } = input;
  const links = navigation.map(
    (item) =>
      html`<li><a href="${treeHref(root, item.path)}"${item.section === input.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  );
  const scripts = (input.scripts ?? []).map(
    (path) => html`<script src="${treeHref(root, path)}" defer></script>\n`,
  );
  const page = html`<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trustedHtml(contentSecurityPolicy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title ? `${input.title} · ` : ''}${frame.datasetTitle}</title>
<meta name="description" content="${input.description}">
<link rel="icon" href="${treeHref(root, 'assets/icon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${treeHref(root, 'assets/site.css')}">
${input.head}${scripts}</head>
<body>
<a class="skip-link" href="#contenido">Saltar al contenido</a>
<header class="site-header">
<div class="wrap">
<p class="brand"><a href="${treeHref(root, 'index.html')}">${frame.datasetTitle}</a> <span class="brand-version">v${frame.version}</span></p>
<nav aria-label="Secciones del sitio"><ul class="site-nav">${links}</ul></nav>
</div>
</header>
<main id="contenido" class="wrap" tabindex="-1">
${input.main}
</main>
${footer(frame, root)}
</body>
</html>
`;
  return page.markup;
}
