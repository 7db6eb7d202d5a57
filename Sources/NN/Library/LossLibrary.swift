import Catalog
import Tensors

/// The `losses` module: loss objects with options; compile also takes their names.
enum LossLibrary {
  static func make(_ name: String, _ summary: String, _ options: [Parameter], _ build: @escaping (Arguments) throws -> Loss) -> Entry {
    Entry(module: "losses", name: name, summary: summary, options: options, returns: [Returned(.object("Loss"), "the loss")]) { a in
      [.object(LossObject(try build(a)))]
    }
  }

  static let fromLogits = Parameter("from_logits", .bool, "the model outputs logits (a sigmoid/softmax output layer is fused automatically)", default: .bool(false))

  static var entries: [Entry] {
    [
      make("BinaryCrossentropy", "Binary cross-entropy per label, averaged over all cells: the multilabel loss.",
           [fromLogits, Parameter("pos_weight", .list(.number), "weight of positives per label (PyTorch's pos_weight)", optional: true),
            Parameter("label_smoothing", .numberIn(0, 1), "moves targets towards 0.5", default: .number(0))]) { a in
        BinaryCrossEntropy(fromLogits: a.bool("from_logits"), posWeight: Convert.floats(a.value("pos_weight")),
                           labelSmoothing: a.float("label_smoothing"))
      },
      make("SigmoidFocal", "Sigmoid focal loss for imbalanced labels: BCE scaled by α_t·(1 − p_t)^γ.",
           [Parameter("gamma", .number, "focusing exponent", default: .number(2)),
            Parameter("alpha", .number, "weight of positives (negative: no weighting)", default: .number(0.25)), fromLogits]) { a in
        SigmoidFocal(gamma: a.double("gamma"), alpha: a.double("alpha"), fromLogits: a.bool("from_logits"))
      },
      make("CategoricalCrossentropy", "Cross-entropy for one class per sample (one-hot targets), averaged over samples.", [fromLogits]) { a in
        CategoricalCrossEntropy(fromLogits: a.bool("from_logits"))
      },
      make("MeanSquaredError", "Mean squared error over all cells.", []) { _ in MeanSquaredError() },
    ]
  }

  /// The loss kind an entry builds (`BinaryCrossentropy` builds `binary_crossentropy`).
  static func kind(of entry: String) -> String {
    ["BinaryCrossentropy": BinaryCrossEntropy.kind, "SigmoidFocal": SigmoidFocal.kind,
     "CategoricalCrossentropy": CategoricalCrossEntropy.kind, "MeanSquaredError": MeanSquaredError.kind][entry] ?? entry
  }

  static let builtinNames = ["binary_crossentropy", "bce", "sigmoid_focal", "focal", "categorical_crossentropy", "mean_squared_error", "mse"]
  static func names(in catalog: Catalog) -> [String] {
    ["binary_crossentropy", "sigmoid_focal", "categorical_crossentropy", "mean_squared_error", "mse"] + LossRegistry.names(in: catalog)
  }

  /// A loss by name with its defaults (`compile{loss = "binary_crossentropy"}`), built in or
  /// added to `catalog`.
  static func named(_ name: String, in catalog: Catalog) throws -> Loss {
    switch name {
    case "binary_crossentropy", "bce": return BinaryCrossEntropy()
    case "sigmoid_focal", "focal": return SigmoidFocal()
    case "categorical_crossentropy": return CategoricalCrossEntropy()
    case "mean_squared_error", "mse": return MeanSquaredError()
    default:
      if let extra = LossRegistry.make(name, in: catalog) { return extra }
      let names = names(in: catalog)
      let hint = Suggest.closest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
      throw CatalogError("unknown loss \"\(name)\"\(hint); known: \(names.joined(separator: ", "))")
    }
  }
}
