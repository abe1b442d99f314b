// aws-local-stepfunctions (npm) running the shared definition in-process: untimed warm-up runs, then the timed ones;
// prints transitions per second of the timed runs. Arguments: N timed warmup, where timed and warmup are a number of
// runs ("20") or of seconds ("10s"), as EngineThroughput.java and ServeThroughput.java take them.
import { StateMachine } from "aws-local-stepfunctions";
import { definition } from "./definition.mjs";

const n = Number(process.argv[2] ?? 100);
const timed = process.argv[3] ?? "20";
const warmup = process.argv[4] ?? "20";
const machine = new StateMachine(definition(), { validationOptions: { checkPaths: false } });
const input = { items: Array.from({ length: n }, (_, i) => ({ i })) };

// Runs the machine `spec` times ("20") or until `spec` seconds ("10s") have passed; returns the runs made.
async function repeat(spec) {
  if (!spec.endsWith("s")) {
    const runs = Number(spec);
    for (let i = 0; i < runs; i++) await machine.run(input).result;
    return runs;
  }
  const end = process.hrtime.bigint() + BigInt(Math.round(Number(spec.slice(0, -1)) * 1e9));
  let runs = 0;
  do {
    await machine.run(input).result;
    runs++;
  } while (process.hrtime.bigint() < end);
  return runs;
}

await repeat(warmup);
const start = process.hrtime.bigint();
const runs = await repeat(timed);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(((3 + 3 * n) * runs / seconds).toFixed(0));
