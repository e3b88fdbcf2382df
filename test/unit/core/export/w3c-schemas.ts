/**
 * Loads the W3C Web Annotation Working Group's model tests from ../shared (JSON Schema draft-04)
 * and checks a document against the MUST assertions listed in a `.test` file. Returns undefined when
 * the tests are absent so callers can skip with a clear line.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const W3C_DIR = resolve(__dirname, '../../../../../shared/w3c-web-annotation-tests');

export interface AssertionFailure {
  assertion: string;
  message: string;
}

export interface W3cChecker {
  /** Failures of `doc` against every assertion of `testFile` (e.g. 'annotations/annotationMusts.test'). */
  check(testFile: string, doc: unknown): AssertionFailure[];
  /** How many assertions `testFile` lists. */
  count(testFile: string): number;
}

const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));

/** The checker, or undefined when ../shared/w3c-web-annotation-tests is not there. */
export function loadW3c(): W3cChecker | undefined {
  if (!existsSync(join(W3C_DIR, 'definitions'))) return undefined;
  // The assertion files carry their own keywords (assertionType, errorMessage…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of readdirSync(join(W3C_DIR, 'definitions'))) ajv.addSchema(readJson(join(W3C_DIR, 'definitions', f)));
  const list = (testFile: string): string[] => readJson(join(W3C_DIR, testFile)).assertions;
  return {
    count: (testFile) => list(testFile).length,
    check(testFile, doc) {
      const failures: AssertionFailure[] = [];
      for (const rel of list(testFile)) {
        const schema = readJson(join(W3C_DIR, rel));
        const validate = ajv.getSchema(schema.id) ?? ajv.compile(schema);
        const valid = validate(doc);
        if (valid !== (schema.expectedResult !== 'invalid')) {
          failures.push({
            assertion: rel,
            message: `${schema.errorMessage ?? schema.title} ${ajv.errorsText(validate.errors)}`,
          });
        }
      }
      return failures;
    },
  };
}
