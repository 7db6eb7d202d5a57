import ArgumentParser

struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Search an experiment's config: trials are recorded runs of one study.",
    discussion: """
      `crescent sweep script.lua [options] [with k=v ...]` runs trials of a study: each trial is \
      an ordinary recorded run of the script, with the `with` words and the parameters its \
      sampler chose as overrides. The search space is the script's ex:sweep{...} with the \
      --space entries added or replacing its own. The study is named after the experiment \
      (or --study) and lives in the run store (or PostgreSQL with --store postgres://...); \
      running the same command again continues it. `crescent sweep show STUDY` shows it.
      """,
    subcommands: [SweepStartCommand.self, SweepShowCommand.self],
    defaultSubcommand: SweepStartCommand.self
  )
}
