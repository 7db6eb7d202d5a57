import ArgumentParser

@main
struct Crescent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crescent",
    abstract: "Machine-learning experiments as Lua scripts, run on native kernels.",
    subcommands: [RunCommand.self, SweepCommand.self, ResumeCommand.self, RunsCommand.self, TestCommand.self, ReplCommand.self, DocCommand.self, TypesCommand.self, BenchCommand.self, VersionCommand.self]
  )

  static let version = "0.1"
}
