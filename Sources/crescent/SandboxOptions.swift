import ArgumentParser
import Catalog
import Foundation
import LuaHost

/// The options that shape the Lua state a command runs scripts in: the sandbox, the limits.
struct SandboxOptions: ParsableArguments {
  @Flag(help: "Open every Lua standard library (io, os, debug, package) and lift the file rules: only for scripts you trust.")
  var trust = false
  @Option(help: "Open chosen standard libraries without --trust: a comma-separated list of io, os, debug, package (given more than once, the lists add up).")
  var allow: [String] = []
  @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let scripts read files under this folder (or this file); repeatable.", valueName: "path"))
  var allowRead: [String] = []
  @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let scripts write (and read) files under this folder (or this file); repeatable.", valueName: "path"))
  var allowWrite: [String] = []
  @Option(help: ArgumentHelp("The folder scripts write under instead of the working directory: a relative path a script writes lands there (and is read back from there).", valueName: "dir"))
  var out: String?
  @Option(help: "Stop a script (a spec file, a REPL entry) after this many seconds.") var timeout: Double?
  @Option(help: "Stop a script when Lua and tensor memory go beyond this many bytes.") var maxMemory: Int?

  func validate() throws {
    if let timeout, !(timeout > 0) || !timeout.isFinite {
      throw ValidationError("--timeout expects a positive number of seconds, got \(timeout)")
    }
    if let maxMemory, maxMemory <= 0 { throw ValidationError("--max-memory expects a positive number of bytes, got \(maxMemory)") }
    _ = try allowed()
    for (option, paths) in [("--allow-read", allowRead), ("--allow-write", allowWrite), ("--out", out.map { [$0] } ?? [])] {
      for p in paths where p.isEmpty || p.utf8.contains(0) {
        throw ValidationError("\(option) expects a path, got '\(FilePolicy.printable(p))'")
      }
    }
  }

  /// The files scripts may read and write: everything under --trust, else the sandbox's
  /// folders (the working directory, CRESCENT_DATA, the granted ones; the script's own
  /// folder is added when it runs).
  func filePolicy() -> FilePolicy {
    if trust { return FilePolicy.unrestricted.placing(relativePathsUnder: out) }
    return .sandbox(dataFolder: ProcessInfo.processInfo.environment["CRESCENT_DATA"], out: out,
                    allowRead: allowRead, allowWrite: allowWrite)
  }

  /// The libraries named by --allow, each checked.
  func allowed() throws -> Set<String> {
    let names = allow.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
    for n in names where !LuaState.Options.allowable.contains(n) {
      let hint = Suggest.closest(to: n, among: LuaState.Options.allowable).map { " (did you mean '\($0)'?)" } ?? ""
      throw ValidationError("--allow: unknown library '\(n)'\(hint); choose among \(LuaState.Options.allowable.joined(separator: ", "))")
    }
    return Set(names)
  }

  /// Lua state options with these settings; output goes to standard output.
  func stateOptions() throws -> LuaState.Options {
    var options = LuaState.Options()
    options.trusted = trust
    options.allow = try allowed()
    options.timeout = timeout
    options.maxMemory = maxMemory
    options.files = filePolicy()
    options.output = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
    return options
  }

  /// These settings, each replaced by `later`'s where `later` gives it.
  func merged(with later: SandboxOptions) -> SandboxOptions {
    var m = self
    m.trust = trust || later.trust
    m.allow = allow + later.allow
    m.timeout = later.timeout ?? timeout
    m.maxMemory = later.maxMemory ?? maxMemory
    m.allowRead = allowRead + later.allowRead
    m.allowWrite = allowWrite + later.allowWrite
    m.out = later.out ?? out
    return m
  }
}
