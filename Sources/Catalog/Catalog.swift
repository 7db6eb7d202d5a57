/// The registry every script-facing function comes from: modules of entries and the object
/// types their methods belong to. Hosts expose a catalog; the reference and the editor type
/// file are rendered from it; plugins add to it. Nothing is declared twice.
public final class Catalog {
  public struct Module {
    public let name: String
    public let summary: String
    public internal(set) var entries: [Entry]
  }

  public struct ObjectType {
    public let name: String
    public let summary: String
    /// Read-only fields scripts can index (`train.n_features`).
    public let properties: [Property]
    /// Its values are Lua tables made by the host's script code or by scripts (an experiment, a
    /// callback table), not native objects; its methods are scripted entries or hooks.
    public let scripted: Bool
  }

  public private(set) var modules: [Module] = []
  public private(set) var objectTypes: [ObjectType] = []

  /// The registries plugins add to, one per kind of item (see `registry(of:)`).
  private var registries: [ObjectIdentifier: AnyObject] = [:]

  public init() {}

  /// The registry of `Item`s added to this catalog (made empty on first use).
  public func registry<Item>(of: Item.Type) -> Registry<Item> {
    if let r = registries[ObjectIdentifier(Item.self)] as? Registry<Item> { return r }
    let r = Registry<Item>()
    registries[ObjectIdentifier(Item.self)] = r
    return r
  }

  /// Declares an object type (`Tensor`) whose methods are entries with `methodOf` set.
  public func registerType(_ name: String, summary: String, properties: [Property] = [], scripted: Bool = false) {
    if !objectTypes.contains(where: { $0.name == name }) {
      objectTypes.append(ObjectType(name: name, summary: summary, properties: properties, scripted: scripted))
    }
  }

  /// Declares the object type of a `CatalogObject` class, with its properties.
  public func registerType<T: CatalogObject>(_ type: T.Type, summary: String) {
    registerType(T.typeName, summary: summary, properties: T.properties)
  }

  /// Adds entries to `module`, creating it with `summary` if new. A name already present in
  /// the module is an error: a plugin cannot silently replace a built-in.
  public func register(module name: String, summary: String, entries: [Entry]) throws {
    let index: Int
    if let i = modules.firstIndex(where: { $0.name == name }) { index = i } else {
      modules.append(Module(name: name, summary: summary, entries: []))
      index = modules.count - 1
    }
    for e in entries {
      precondition(e.module == name, "entry \(e.qualifiedName) registered under module \(name)")  // cannot be reached from a script: libraries and the plugin loader build entries with the module they register
      if modules[index].entries.contains(where: { $0.isNamedLike(e) }) {
        throw CatalogError("\(e.qualifiedName) is already defined")
      }
      modules[index].entries.append(e)
    }
  }

  public func module(_ name: String) -> Module? { modules.first { $0.name == name } }

  /// The entry named `module.name`, `Type:name` or, for a global function, `name`.
  public func entry(_ qualifiedName: String) -> Entry? {
    if let e = modules.lazy.flatMap(\.entries).first(where: { $0.global && $0.name == qualifiedName }) { return e }
    if let colon = qualifiedName.firstIndex(of: ":") {
      let t = String(qualifiedName[..<colon]), n = String(qualifiedName[qualifiedName.index(after: colon)...])
      return methods(of: t).first { $0.name == n }
    }
    guard let dot = qualifiedName.lastIndex(of: ".") else { return nil }
    let m = String(qualifiedName[..<dot]), n = String(qualifiedName[qualifiedName.index(after: dot)...])
    return module(m)?.entries.first { $0.name == n && !$0.global }
  }

  /// The entries that are methods of `type`, in declaration order.
  public func methods(of type: String) -> [Entry] {
    modules.flatMap(\.entries).filter { $0.methodOf == type }
  }
}
