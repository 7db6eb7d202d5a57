import Tensors

extension Sequential {
  /// A Keras-like table: each layer with its output shape and parameter count, then totals.
  public func summary(name: String? = nil) -> String {
    if let graph { return graphSummary(graph, name: name ?? "model") }
    let rows = layers.map { layer -> (String, String, Int) in
      let shape = layer.isBuilt ? "(None, " + layer.outputShape.map(String.init).joined(separator: ", ") + ")" : "(unbuilt)"
      return ("\(layer.name) (\(type(of: layer).kind))", shape, layer.parameters.reduce(0) { $0 + $1.value.count })
    }
    let w0 = max(28, rows.map(\.0.count).max() ?? 0), w1 = max(14, rows.map(\.1.count).max() ?? 0), w2 = 12
    func line(_ a: String, _ b: String, _ c: String) -> String {
      " " + a.padding(toLength: w0, withPad: " ", startingAt: 0) + "  " + b.padding(toLength: w1, withPad: " ", startingAt: 0)
        + "  " + String(repeating: " ", count: max(0, w2 - c.count)) + c + "\n"
    }
    let rule = String(repeating: "─", count: w0 + w1 + w2 + 5) + "\n"
    let input = inputShape.map { $0.count == 1 ? ", input_dim \($0[0])" : ", input_shape \(describeShape($0))" } ?? ""
    var out = "Model: \"sequential\"\(input)\n" + rule
    out += line("Layer (type)", "Output Shape", "Param #") + rule
    for r in rows { out += line(r.0, r.1, Self.grouped(r.2)) }
    out += rule
    let total = parameters.reduce(0) { $0 + $1.value.count }
    let trainable = parameters.filter(\.trainable).reduce(0) { $0 + $1.value.count }
    let state = layers.flatMap(\.state).reduce(0) { $0 + $1.value.count }
    out += " Total params: \(Self.grouped(total + state))\n"
    out += " Trainable params: \(Self.grouped(trainable))\n"
    out += " Non-trainable params: \(Self.grouped(total - trainable + state))\n"
    return out
  }

  /// Keras's functional summary: one row per input and layer application, with what it is
  /// connected to; a shared layer's parameters are counted on its first row.
  func graphSummary(_ graph: Graph, name: String) -> String {
    func shape(_ s: [Int]) -> String { "(None, " + s.map(String.init).joined(separator: ", ") + ")" }
    var rows: [(String, String, String, String)] = []
    var counted = Set<ObjectIdentifier>()
    // Keras's references: `layer[application][0]`.
    var refs: [ObjectIdentifier: String] = [:], uses: [ObjectIdentifier: Int] = [:]
    for node in graph.nodes {
      let owner = node.layer.map { ObjectIdentifier($0) } ?? ObjectIdentifier(node)
      let k = uses[owner, default: 0]
      uses[owner] = k + 1
      refs[ObjectIdentifier(node)] = "\(node.name)[\(k)][0]"
    }
    for (i, node) in graph.nodes.enumerated() {
      let shapeText = graph.isBuilt ? shape(graph.shapes[i]) : "(unbuilt)"
      guard let layer = node.layer else {
        rows.append(("\(node.name) (InputLayer)", shapeText, "0", ""))
        continue
      }
      let first = counted.insert(ObjectIdentifier(layer)).inserted
      let params = first ? layer.parameters.reduce(0) { $0 + $1.value.count } : 0
      let links = node.inbound.map { refs[ObjectIdentifier($0)] ?? $0.name }.joined(separator: ", ")
      rows.append(("\(layer.name) (\(type(of: layer).kind))", shapeText, Self.grouped(params), links))
    }
    let w0 = max(28, rows.map(\.0.count).max() ?? 0), w1 = max(14, rows.map(\.1.count).max() ?? 0), w2 = 10
    let w3 = max(12, rows.map(\.3.count).max() ?? 0)
    func line(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
      " " + a.padding(toLength: w0, withPad: " ", startingAt: 0) + "  " + b.padding(toLength: w1, withPad: " ", startingAt: 0)
        + "  " + String(repeating: " ", count: max(0, w2 - c.count)) + c + "  " + d + "\n"
    }
    let rule = String(repeating: "─", count: w0 + w1 + w2 + w3 + 7) + "\n"
    var out = "Model: \"\(name)\", inputs \(graph.inputNames.joined(separator: ", ")), outputs \(graph.outputNames.joined(separator: ", "))\n" + rule
    out += line("Layer (type)", "Output Shape", "Param #", "Connected to") + rule
    for r in rows { out += line(r.0, r.1, r.2, r.3) }
    out += rule
    let total = parameters.reduce(0) { $0 + $1.value.count }
    let trainable = parameters.filter(\.trainable).reduce(0) { $0 + $1.value.count }
    let state = layers.flatMap(\.state).reduce(0) { $0 + $1.value.count }
    out += " Total params: \(Self.grouped(total + state))\n"
    out += " Trainable params: \(Self.grouped(trainable))\n"
    out += " Non-trainable params: \(Self.grouped(total - trainable + state))\n"
    return out
  }

  static func grouped(_ n: Int) -> String {
    let s = String(n)
    var out = ""
    for (i, c) in s.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return String(out.reversed())
  }
}
