// The no-op definition both engines run: Pass → Map(N × Pass → Choice → Succeed) → Succeed (3 + 3N transitions).
export function definition() {
  return {
    StartAt: "Prepare",
    States: {
      Prepare: { Type: "Pass", Next: "Fan" },
      Fan: {
        Type: "Map",
        ItemsPath: "$.items",
        MaxConcurrency: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: "INLINE" },
          StartAt: "Touch",
          States: {
            Touch: { Type: "Pass", Parameters: { "value.$": "$.i" }, Next: "Even?" },
            "Even?": {
              Type: "Choice",
              Choices: [{ Variable: "$.value", NumericGreaterThanEquals: 0, Next: "Ok" }],
              Default: "Ok",
            },
            Ok: { Type: "Succeed" },
          },
        },
        Next: "Done",
      },
      Done: { Type: "Succeed" },
    },
  };
}
