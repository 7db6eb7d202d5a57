import Catalog
import CrescentPluginABI
import Foundation

/// Loads native plugins (shared libraries exporting `crescent_plugin_init`) into a catalog.
/// Libraries stay loaded for the life of the process.
public enum PluginLoader {
  /// The environment variable listing plugin folders, colon-separated.
  public static let environmentVariable = "CRESCENT_PLUGINS"

  /// Loads `path`: opens it, checks its ABI version and runs its registrations.
  public static func load(_ path: String, into catalog: Catalog) throws {
    guard !path.utf8.contains(0) else { throw PluginError("plugin \(FilePolicy.printable(path)): a file name may not hold a NUL byte") }
    guard FileManager.default.fileExists(atPath: path) else { throw PluginError("plugin \(path): no such file") }
    // dlopen searches the system's library folders for a name without a slash: the file
    // checked above is opened by its absolute path instead.
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    guard let handle = dlopen(absolute, RTLD_NOW | RTLD_LOCAL) else {
      let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
      throw PluginError("plugin \(path): not a loadable shared library (\(reason))")
    }
    guard let versionSymbol = dlsym(handle, "crescent_plugin_abi_version") else {
      throw PluginError("plugin \(path): no crescent_plugin_abi_version (declare it with CRESCENT_PLUGIN_DECLARE_ABI)")
    }
    let version = unsafeBitCast(versionSymbol, to: crescent_plugin_abi_version_fn.self)()
    guard version == CRESCENT_PLUGIN_ABI_VERSION else {
      throw PluginError("plugin \(path): built for plugin ABI version \(version), this crescent has version \(CRESCENT_PLUGIN_ABI_VERSION); rebuild it against this crescent_plugin.h")
    }
    guard let initSymbol = dlsym(handle, "crescent_plugin_init") else {
      throw PluginError("plugin \(path): no entry point crescent_plugin_init")
    }
    let initialize = unsafeBitCast(initSymbol, to: crescent_plugin_init_fn.self)
    let registrar = PluginRegistrar(catalog: catalog, path: path)
    let status = withExtendedLifetime(registrar) {
      initialize(PluginAPI.table, Unmanaged.passUnretained(registrar).toOpaque())
    }
    if let failure = registrar.failure { throw PluginError("plugin \(path): \(failure)") }
    guard status == 0 else { throw PluginError("plugin \(path): crescent_plugin_init failed (status \(status))") }
  }

  /// The shared libraries (`*.so`, `*.dylib`) in the folders of `CRESCENT_PLUGINS`, sorted per folder.
  public static func environmentPlugins(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    guard let value = environment[environmentVariable] else { return [] }
    return value.split(separator: ":").map(String.init).filter { !$0.isEmpty }.flatMap { folder -> [String] in
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.filter { $0.hasSuffix(".so") || $0.hasSuffix(".dylib") }.sorted()
        .map { (folder as NSString).appendingPathComponent($0) }
    }
  }

  /// The plugins of `CRESCENT_PLUGINS`, then `paths`, loaded into `catalog`.
  public static func loadAll(_ paths: [String], into catalog: Catalog) throws {
    for p in environmentPlugins() + paths { try load(p, into: catalog) }
  }
}
