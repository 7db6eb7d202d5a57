/// Named things added to a catalog at run time (by plugins) that are not functions: the losses
/// compile takes by name, the metrics fit reports. Later additions of a name replace earlier ones.
public final class Registry<Item> {
  private var items: [(name: String, item: Item)] = []

  init() {}

  public func add(_ name: String, _ item: Item) {
    items.removeAll { $0.name == name }
    items.append((name, item))
  }

  public func item(_ name: String) -> Item? { items.first { $0.name == name }?.item }

  /// The names, in the order they were added.
  public var names: [String] { items.map(\.name) }
}
