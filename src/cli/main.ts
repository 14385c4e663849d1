/**
 * Runs a command-line entry point: input problems and method errors are printed as plain
 * sentences with exit code 1; anything else is a bug and keeps its stack trace.
 */
import { StudyInputError } from "../study/problems.ts";

export async function runCli(main: () => Promise<void>): Promise<void> {
  const start = performance.now();
  try {
    await main();
    console.log(`done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (error instanceof StudyInputError || (error instanceof Error && error.name === "MethodError")) {
      console.error(`error: ${error.message}`);
      console.error("nothing was written to the output folder.");
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
