import Catalog
import Foundation

/// The official MULAN train/test split of a data set: `<root>/<name>/<name>-train.arff`,
/// `<name>-test.arff` and the labels file `<name>.xml`, with `root` from `CRESCENT_DATA`.
public enum MulanLoader {
  public static let environmentKey = "CRESCENT_DATA"

  /// The data folder from `CRESCENT_DATA`, or an error saying how to set it.
  public static func root(for name: String) throws -> String {
    guard let root = ProcessInfo.processInfo.environment[environmentKey], !root.isEmpty else {
      throw DataError("\(environmentKey) is not set: set it to the folder holding \(name)/\(name)-train.arff, \(name)-test.arff and \(name).xml")
    }
    return root
  }

  /// True when `<CRESCENT_DATA>/<name>` is a folder.
  public static func exists(_ name: String) -> Bool {
    guard let root = ProcessInfo.processInfo.environment[environmentKey], !root.isEmpty else { return false }
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDir) && isDir.boolValue
  }

  public static func load(_ name: String, root: String? = nil, options: ArffOptions = ArffOptions()) throws -> (train: Dataset, test: Dataset) {
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.utf8.contains(0) else {
      throw DataError("\(quoted(FilePolicy.printable(name))) is not a data set name (expected a folder name such as \"yeast\")")
    }
    // The folder's value stays out of messages (it is the user's environment): errors say
    // <CRESCENT_DATA>/name/... instead.
    let fromEnvironment = root == nil
    let root = try root ?? self.root(for: name)
    func hidden<T>(_ body: () throws -> T) throws -> T {
      do { return try body() } catch let e as DataError where fromEnvironment {
        throw DataError(e.message.replacingOccurrences(of: root, with: "<\(environmentKey)>"))
      }
    }
    let folder = root + "/" + name
    let shown = fromEnvironment ? "<\(environmentKey)>/" + name : folder
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
      throw DataError("no data set \(quoted(name)): \(shown) is not a folder")
    }
    let files = ["\(name)-train.arff", "\(name)-test.arff", "\(name).xml"]
    let missing = files.filter { !FileManager.default.fileExists(atPath: folder + "/" + $0) }
    guard missing.isEmpty else {
      throw DataError("\(shown) lacks \(missing.joined(separator: ", ")) (a MULAN data set folder holds \(files.joined(separator: ", ")))")
    }
    let xml = folder + "/" + files[2]
    var o = options
    o.labelNames = try hidden { try MulanLabels.read(path: xml) }
    o.labelSource = files[2]
    o.lastLabels = nil
    return try hidden { (try ArffReader.read(path: folder + "/" + files[0], options: o), try ArffReader.read(path: folder + "/" + files[1], options: o)) }
  }

}
