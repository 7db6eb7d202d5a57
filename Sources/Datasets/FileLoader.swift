import Foundation

/// Loads a data file by its extension: `.arff`, `.csv`, `.csv.gz`, `.svm` / `.libsvm`.
public enum FileLoader {
  public static let extensions = [".arff", ".arff.gz", ".csv", ".csv.gz", ".svm", ".libsvm", ".svm.gz", ".libsvm.gz"]

  public static func isDataPath(_ spec: String) -> Bool { extensions.contains { spec.lowercased().hasSuffix($0) } }

  /// `labels` is the number of label columns at the end (ARFF, CSV); an ARFF file without it
  /// uses `xml`, else a MULAN file `<stem>.xml` beside it, else its MEKA `-C` header.
  public static func load(_ path: String, labels: Int?, xml: String?, arff: ArffOptions = ArffOptions()) throws -> Dataset {
    let lower = path.lowercased()
    if lower.hasSuffix(".arff") || lower.hasSuffix(".arff.gz") {
      var o = arff
      if let xml {
        let resolved = resolveBeside(xml, of: path)
        o.labelNames = try MulanLabels.read(path: resolved)
        o.labelSource = lastPathComponent(xml)
      } else if let labels {
        o.lastLabels = labels
      } else {
        let stem = path.hasSuffix(".gz") ? String(path.dropLast(8)) : String(path.dropLast(5))
        if FileManager.default.fileExists(atPath: stem + ".xml") {
          o.labelNames = try MulanLabels.read(path: stem + ".xml")
          o.labelSource = lastPathComponent(stem + ".xml")
        }
      }
      return try ArffReader.read(path: path, options: o)
    }
    if lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz") {
      guard let labels else { throw DataError("\(path): say which columns are labels: labels = L (the last L columns)") }
      return try CsvReader.read(path: path, options: .init(labels: .last(labels)))
    }
    if FileLoader.isDataPath(path) { return try LibSvmReader.read(path: path) }
    throw DataError("\(path): unknown file type (expected \(extensions.joined(separator: ", ")))")
  }

  /// `path` as given when it exists or is absolute; else the same name in `file`'s folder.
  public static func resolveBeside(_ path: String, of file: String) -> String {
    if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
    guard let slash = file.lastIndex(of: "/") else { return path }
    let beside = String(file[...slash]) + path
    return FileManager.default.fileExists(atPath: beside) ? beside : path
  }
}
