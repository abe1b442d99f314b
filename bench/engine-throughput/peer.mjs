// aws-local-stepfunctions (npm) running the shared definition in-process: `warmups` untimed runs, then `runs` timed
// ones; prints transitions per second of the timed runs. Arguments: N runs warmups (as EngineThroughput.java).
import { StateMachine } from "aws-local-stepfunctions";
import { definition } from "./definition.mjs";

const n = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 20);
const warmups = Number(process.argv[4] ?? 20);
const machine = new StateMachine(definition(), { validationOptions: { checkPaths: false } });
const input = { items: Array.from({ length: n }, (_, i) => ({ i })) };
for (let i = 0; i < warmups; i++) await machine.run(input).result;
const start = process.hrtime.bigint();
for (let i = 0; i < runs; i++) await machine.run(input).result;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(((3 + 3 * n) * runs / seconds).toFixed(0));
