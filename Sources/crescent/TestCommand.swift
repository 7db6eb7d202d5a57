import ArgumentParser
import Catalog
import Foundation
import LuaHost

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run Lua specs: *_spec.lua files with describe/it/assert.",
    discussion: """
      Each file runs in its own sandboxed state with describe(name, fn), it(name, fn), \
      assert.equals(actual, expected), assert.near(a, b, tol), assert.errors(fn, pattern), \
      assert.truthy(v) and assert.falsy(v). Failures are listed with file:line; the last line is \
      `N passed, N failed`; the exit code is non-zero when any failed. Options may stand before \
      or after the paths; --timeout and --max-memory apply to each file.
      """
  )

  @Argument(help: "Spec files or folders (default: spec/).") var paths: [String] = []
  @OptionGroup var sandbox: SandboxOptions
  @Option(help: "The root seed of each spec file's random streams.") var seed: UInt64 = 1
  @OptionGroup var pluginOptions: PluginOptions

  func run() throws {
    let files: [String]
    do { files = try SpecRunner.files(in: paths.isEmpty ? ["spec"] : paths) } catch let e as CatalogError {
      FileHandle.standardError.write(Data("crescent test: \(e.message)\n".utf8))
      throw ExitCode(1)
    }
    var runner = SpecRunner(catalog: try pluginOptions.catalog(command: "test"), options: try sandbox.stateOptions(), seed: seed)
    LuaState.startWatchdog()
    for file in files { runner.run(file: file) }
    print(runner.report, terminator: "")
    if !runner.failures.isEmpty || files.isEmpty { throw ExitCode(1) }
  }
}
