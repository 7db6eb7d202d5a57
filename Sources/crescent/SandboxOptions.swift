import ArgumentParser
import Catalog
import Foundation
import LuaHost

/// The options that shape the Lua state a command runs scripts in: the sandbox, the limits.
struct SandboxOptions: ParsableArguments {
  @Flag(help: "Open every Lua standard library (io, os, debug, package): only for scripts you trust.")
  var trust = false
  @Option(help: "Open chosen standard libraries without --trust: a comma-separated list of io, os, debug, package (given more than once, the lists add up).")
  var allow: [String] = []
  @Option(help: "Stop a script (a spec file, a REPL entry) after this many seconds.") var timeout: Double?
  @Option(help: "Stop a script when Lua and tensor memory go beyond this many bytes.") var maxMemory: Int?

  func validate() throws {
    if let timeout, !(timeout > 0) || !timeout.isFinite {
      throw ValidationError("--timeout expects a positive number of seconds, got \(timeout)")
    }
    if let maxMemory, maxMemory <= 0 { throw ValidationError("--max-memory expects a positive number of bytes, got \(maxMemory)") }
    _ = try allowed()
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
    return m
  }
}
