import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { unexpectedVsixEntries } from '../../e2e/support/vsixAllowList';
import { citationProblem, citationsIn, commentedFiles, commentsOf } from './citedDocuments';
import { brokenRelativeLinks, headingAnchors, markdownLinks } from './markdownLinks';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const read = (relative: string): string => fs.readFileSync(path.join(repoRoot, relative), 'utf8');

/** The README ships in the .vsix and is the Extensions page: it stays short and for users. */
const README_MAX_BYTES = 15_000;

/** The documents whose relative links must resolve. */
function documents(): string[] {
  const docs = fs.readdirSync(path.join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  return ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs].filter((file) => fs.existsSync(path.join(repoRoot, file)));
}

describe('docs: README for users, CONTRIBUTING.md and docs/ for maintainers', () => {
  it(`the README is under ${README_MAX_BYTES.toLocaleString('en')} bytes and gives the two commands and the way to CONTRIBUTING.md`, () => {
    const bytes = fs.statSync(path.join(repoRoot, 'README.md')).size;
    assert.ok(bytes < README_MAX_BYTES, `README.md is ${bytes} bytes; move what only a maintainer needs to CONTRIBUTING.md or docs/`);
    const readme = read('README.md');
    assert.ok(readme.includes('npm install && npm start'), 'README lacks `npm install && npm start`');
    assert.ok(readme.includes('npm install && npm test'), 'README lacks `npm install && npm test`');
    assert.ok(markdownLinks(readme).some((link) => link.target === 'CONTRIBUTING.md'), 'README does not link CONTRIBUTING.md');
  });

  it('every relative link and anchor in README.md, CONTRIBUTING.md, CHANGELOG.md and docs/*.md resolves', () => {
    const files = documents();
    assert.ok(files.includes('CONTRIBUTING.md') && files.includes('docs/scp-api.md'), `documents found: ${files.join(', ')}`);
    assert.deepEqual(files.flatMap((file) => brokenRelativeLinks(path.join(repoRoot, file), repoRoot)), []);
  });

  it('finds a broken link, a missing file, a missing anchor and a link out of the repository', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-doc-links-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs'));
      fs.writeFileSync(path.join(dir, 'docs', 'guide.md'), '# The `npm run scp` tool\n\n## Errors\n\n## Errors\n');
      fs.writeFileSync(
        path.join(dir, 'README.md'),
        [
          '# Title',
          '[ok](docs/guide.md#the-npm-run-scp-tool) [ok](docs/guide.md#errors-1) [ok](#title) [web](https://example.invalid/x.md)',
          '`[in code](missing.md)`',
          '```',
          '[in a block](missing.md)',
          '```',
          '[gone](docs/missing.md) ![shot](media/none.png)',
          '[no heading](docs/guide.md#nothing) [out](../outside.md)',
        ].join('\n'),
      );
      assert.deepEqual(brokenRelativeLinks(path.join(dir, 'README.md'), dir), [
        'README.md:7: docs/missing.md does not exist',
        'README.md:7: media/none.png does not exist',
        'README.md:8: docs/guide.md#nothing names no heading of docs/guide.md',
        'README.md:8: ../outside.md leaves the repository',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names anchors as GitHub does: punctuation dropped, code's backticks gone, repeats numbered", () => {
    const anchors = headingAnchors('# Trying it: `npm start`\n## Fault matrix (`SCP_TEST_GREP=faults`)\n## A\n## A\n```\n# not a heading\n```');
    assert.deepEqual([...anchors], ['trying-it-npm-start', 'fault-matrix-scp_test_grepfaults', 'a', 'a-1']);
  });

  it("the README's images are in media/readme and ship in the .vsix", () => {
    const images = markdownLinks(read('README.md')).filter((link) => link.image);
    assert.ok(images.length >= 4, `only ${images.length} images`);
    for (const image of images) {
      assert.match(image.target, /^media\/readme\/[\w.-]+\.png$/, `README line ${image.line}`);
      assert.deepEqual(unexpectedVsixEntries([`extension/${image.target}`]), [], `${image.target} would not be allowed in the .vsix`);
    }
  });

  it("the README's settings table matches package.json: every setting, its default, range, units and choices", () => {
    interface Setting {
      default: unknown;
      minimum?: number;
      maximum?: number;
      enum?: string[];
    }
    const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, Setting> } } };
    const properties = manifest.contributes.configuration.properties;
    const rows = new Map<string, string[]>();
    for (const line of read('README.md').split('\n')) {
      const cells = /^\|\s*`(scpCloudMl\.\w+)`\s*\|(.*)\|\s*$/.exec(line);
      if (cells?.[1]) rows.set(cells[1], (cells[2] ?? '').split('|').map((cell) => cell.trim()));
    }
    assert.deepEqual([...rows.keys()].sort(), Object.keys(properties).sort(), 'settings in the README vs package.json');
    for (const [name, setting] of Object.entries(properties)) {
      const [defaultCell = '', meaning = ''] = rows.get(name) ?? [];
      assert.equal(defaultCell, `\`${String(setting.default)}\``, `${name} default`);
      if (setting.minimum !== undefined && setting.maximum !== undefined) {
        assert.ok(meaning.includes(`${setting.minimum} to ${setting.maximum}`), `${name}: the README should say "${setting.minimum} to ${setting.maximum}"`);
      }
      const unit = /(Seconds|Minutes)$/.exec(name)?.[1]?.toLowerCase();
      if (unit) assert.ok(meaning.includes(unit), `${name}: the README should say it is in ${unit}`);
      for (const choice of setting.enum ?? []) assert.ok(meaning.includes(`\`${choice}\``), `${name}: the README should name \`${choice}\``);
    }
  });

  it('every document a code comment cites is in the repository, with the section it names', () => {
    const problems: string[] = [];
    for (const file of commentedFiles(repoRoot)) {
      for (const comment of commentsOf(read(file), file)) {
        for (const citation of citationsIn(comment)) {
          const problem = citationProblem(citation, repoRoot);
          if (problem) problems.push(`${file}: ${problem}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('reads comments, not strings, and flags a document that is not in the repository', () => {
    const source = [
      "const url = 'https://example.invalid/NOT-HERE.md'; // see docs/scp-api.md \"Signing\"",
      '/** As PLANNING.md "Budgets" says. */',
      'const path = "// PLANNING.md in a string";',
      'const x = 1; // README.md -> readme.md',
      '// docs/scp-api.md "No such section"',
    ].join('\n');
    const citations = commentsOf(source, 'a.ts').flatMap(citationsIn);
    assert.deepEqual(citations, [
      { document: 'docs/scp-api.md', section: 'Signing' },
      { document: 'PLANNING.md', section: 'Budgets' },
      { document: 'README.md' },
      { document: 'readme.md' },
      { document: 'docs/scp-api.md', section: 'No such section' },
    ]);
    assert.deepEqual(
      citations.map((citation) => citationProblem(citation, repoRoot)),
      [undefined, 'PLANNING.md is not in the repository', undefined, undefined, 'docs/scp-api.md has no section "No such section"'],
    );
    assert.deepEqual(commentsOf('run() # see NOTES.md\necho "#"', 'tool.sh'), [' see NOTES.md']);
  });

  it('.vscode: "Run Extension" builds and starts the extension, "Extension Tests" runs the integration suite', () => {
    const jsonc = <T>(relative: string): T => {
      const errors: ParseError[] = [];
      const value = parse(read(relative), errors, { allowTrailingComma: false }) as T;
      assert.deepEqual(errors, [], `${relative} is not valid JSON with comments`);
      return value;
    };
    interface LaunchConfiguration {
      name: string;
      type: string;
      request: string;
      args: string[];
      preLaunchTask?: string;
    }
    interface Task {
      label?: string;
      type: string;
      script?: string;
      command?: string;
    }
    const { configurations } = jsonc<{ configurations: LaunchConfiguration[] }>('.vscode/launch.json');
    const { tasks } = jsonc<{ tasks: Task[] }>('.vscode/tasks.json');
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const byName = new Map(configurations.map((configuration) => [configuration.name, configuration]));
    const taskLabelled = (label: string | undefined): Task | undefined =>
      tasks.find((task) => (task.label ?? (task.type === 'npm' ? `npm: ${task.script}` : undefined)) === label);

    const run = byName.get('Run Extension');
    const tests = byName.get('Extension Tests');
    for (const configuration of [run, tests]) {
      assert.ok(configuration, 'both configurations exist');
      assert.equal(configuration.type, 'extensionHost');
      assert.equal(configuration.request, 'launch');
      assert.ok(configuration.args.includes('--extensionDevelopmentPath=${workspaceFolder}'), `${configuration.name}: extension path`);
      const task = taskLabelled(configuration.preLaunchTask);
      assert.ok(task, `${configuration.name}: preLaunchTask "${configuration.preLaunchTask}" is not in tasks.json`);
      if (task.type === 'npm') assert.ok(task.script && scripts[task.script], `npm script ${task.script} is not in package.json`);
    }
    assert.equal(run?.preLaunchTask, 'npm: build');
    assert.equal(scripts.build, 'node esbuild.js');
    // The integration suite's entry, built by `node esbuild.js --tests` from test/integration/index.ts.
    const testsPath = tests?.args.find((arg) => arg.startsWith('--extensionTestsPath='));
    assert.equal(testsPath, '--extensionTestsPath=${workspaceFolder}/dist/test/integration/index');
    assert.ok(fs.existsSync(path.join(repoRoot, 'test', 'integration', 'index.ts')));
    assert.match(taskLabelled(tests?.preLaunchTask)?.command ?? '', /node esbuild\.js && node esbuild\.js --tests/);
  });
});
