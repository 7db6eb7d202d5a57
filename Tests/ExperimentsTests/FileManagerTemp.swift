import Foundation

enum FileManagerTemp {
  static func make() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-exp-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
