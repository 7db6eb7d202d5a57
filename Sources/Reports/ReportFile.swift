import Foundation

/// Writes a report's page to a file, atomically (a temporary file renamed over it).
enum ReportFile {
  /// `what` names the page in the error (`report`, `study report`).
  static func write(_ page: String, to path: String, what: String) throws {
    do {
      try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ReportError("cannot write the \(what) to '\(path)': \((error as NSError).localizedDescription)")
    }
  }
}
