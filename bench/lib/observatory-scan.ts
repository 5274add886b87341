/**
 * Runs in its own process (NODE_EXTRA_CA_CERTS must be set at start): MDN HTTP Observatory's own
 * retriever, tests and grader against our server on loopback, over HTTPS with a local CA and
 * with the HTTP port redirecting to it, as a deployment would. Prints the scan as JSON.
 */
export {};

const [, , toolDir, httpPort, httpsPort] = process.argv;
const src = `${toolDir}/node_modules/@mdn/mdn-http-observatory/src`;
const { retrieve } = await import(`${src}/retriever/retriever.js`);
const { ALL_TESTS } = await import(`${src}/constants.js`);
const { getGradeForScore, getScoreModifier } = await import(`${src}/grader/grader.js`);
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await import(`${src}/grader/charts.js`);

const r = await retrieve('localhost', { httpPort: Number(httpPort), httpsPort: Number(httpsPort) });
if (!r.responses.auto) throw new Error('the scanner could not reach the server');
// The same arithmetic as the scanner's scan(), which cannot be given ports.
let withCredit = 100;
let uncurved = 100;
const tests: Record<string, { result: string; pass: boolean; modifier: number }> = {};
for (const test of ALL_TESTS) {
  const result = test(r);
  const modifier = getScoreModifier(result.result);
  withCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  tests[result.constructor.name] = { result: result.result, pass: result.pass, modifier };
}
const { grade, score } = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withCredit : uncurved);
console.log(JSON.stringify({ grade, score, tests }));
