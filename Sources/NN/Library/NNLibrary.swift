import Catalog

/// Registers the training engine's modules: `nn` (layers and models), `optim`, `losses`,
/// `callbacks`, with their object types.
public enum NNLibrary {
  public static func register(into c: Catalog) throws {
    c.registerType(Model.self, summary: "A trainable network: compile, fit, evaluate, predict, save.")
    c.registerType(LayerObject.self, summary: "A layer of a model (Dense, Dropout, ...); calling it on a node applies it (graph models).")
    c.registerType(Node.self, summary: "A point of a graph model: an nn.Input, or a layer's output (nn.Dense(8)(x)).")
    c.registerType(Optimizer.self, summary: "Updates parameters from gradients (SGD, Adam, ...).")
    c.registerType(LossObject.self, summary: "A training objective with options.")
    c.registerType(CallbackObject.self, summary: "Hooks into training (EarlyStopping, ...).")
    c.registerType(RegularizerObject.self, summary: "A penalty on weights or outputs added to the loss (l1, l2, l1_l2).")
    c.registerType(ConstraintObject.self, summary: "A projection of weights after each optimizer step (max_norm, unit_norm, non_neg).")
    try c.register(module: "nn", summary: "Layers and models: build a network, train it, save it.",
                   entries: LayerLibrary.entries + GraphLibrary.entries + ModelLibrary.entries + LayerMethods.entries)
    try c.register(module: "optim", summary: "Optimizers with PyTorch's update rules and defaults.", entries: OptimizerLibrary.entries)
    try c.register(module: "losses", summary: "Losses for compile, with options (names also work: \"binary_crossentropy\").", entries: LossLibrary.entries)
    try c.register(module: "regularizers", summary: "Penalties for a layer's kernel_regularizer, bias_regularizer and activity_regularizer, as Keras 3's.", entries: RegularizerLibrary.regularizerEntries)
    try c.register(module: "constraints", summary: "Projections for a layer's kernel_constraint and bias_constraint, applied after each optimizer step, as Keras's.", entries: RegularizerLibrary.constraintEntries)
    c.registerType(CallbackLibrary.tableType, summary: CallbackLibrary.tableSummary, scripted: true)
    try c.register(module: "callbacks", summary: "Callbacks for fit; a table of hook functions (a CallbackTable: `{on_epoch_end = function(epoch, logs, model) ... end}`) works too.",
                   entries: CallbackLibrary.entries + CallbackLibrary.hookEntries)
  }
}
