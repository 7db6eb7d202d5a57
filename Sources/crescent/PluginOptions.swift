import ArgumentParser
import Catalog
import Foundation
import Plugins
import StandardLibrary

/// `--plugin path` (repeatable) and the folders of CRESCENT_PLUGINS: native plugins loaded
/// into the standard catalog.
struct PluginOptions: ParsableArguments {
  @Option(name: .customLong("plugin"), help: ArgumentHelp(
    "A native plugin (a shared library) to load; repeatable. Every *.so/*.dylib in the folders of CRESCENT_PLUGINS (colon-separated) is loaded too.",
    valueName: "path"))
  var plugins: [String] = []

  /// The standard catalog with the plugins' additions; a plugin that fails to load ends the command.
  func catalog(command: String) throws -> Catalog {
    let catalog = Catalog.standard()
    do { try PluginLoader.loadAll(plugins, into: catalog) } catch let e as PluginError {
      FileHandle.standardError.write(Data("crescent \(command): \(e.message)\n".utf8))
      throw ExitCode(1)
    }
    return catalog
  }
}
