import Foundation

/// The machine and checkout a run ran on.
public struct HostInfo {
  public var os: String
  public var cpu: String
  public var cores: Int
  public var crescentVersion: String
  /// The commit of the git repository holding the script, and whether its files differ from it.
  public var gitCommit: String?
  public var gitDirty: Bool?

  public init(os: String, cpu: String, cores: Int, crescentVersion: String, gitCommit: String? = nil, gitDirty: Bool? = nil) {
    self.os = os
    self.cpu = cpu
    self.cores = cores
    self.crescentVersion = crescentVersion
    self.gitCommit = gitCommit
    self.gitDirty = gitDirty
  }

  /// This machine, with the git state of `scriptFolder` when it is inside a git repository.
  public static func current(version: String = "", scriptFolder: String? = nil) -> HostInfo {
    var info = HostInfo(os: osName(), cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
                        crescentVersion: version)
    if let scriptFolder, isInGitRepository(scriptFolder) {
      info.gitCommit = git(["rev-parse", "HEAD"], in: scriptFolder)?.trimmingCharacters(in: .whitespacesAndNewlines)
      if info.gitCommit != nil { info.gitDirty = !(git(["status", "--porcelain", "--untracked-files=no"], in: scriptFolder) ?? "").isEmpty }
    }
    return info
  }

  static func osName() -> String {
    #if os(Linux)
    if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
       let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
      return "Linux (" + line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) + ")"
    }
    return "Linux"
    #else
    return "macOS " + ProcessInfo.processInfo.operatingSystemVersionString
    #endif
  }

  static func cpuModel() -> String {
    #if os(Linux)
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
       let colon = line.firstIndex(of: ":") {
      return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    #endif
    return "unknown"
  }

  /// Whether a `.git` entry stands in the folder or one above it (so git is only asked then).
  static func isInGitRepository(_ folder: String) -> Bool {
    var url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return true }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return false }
      url = parent
    }
  }

  static func git(_ arguments: [String], in folder: String) -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git", "-C", folder] + arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }
}
