extension Entry {
  /// What a body returns: any number of values, or one (which a host pushes without an array).
  enum Body: Sendable {
    case values(@Sendable (Arguments) throws -> [Value])
    case single(@Sendable (Arguments) throws -> Value)
  }

  /// An entry's declaration, with what every call needs decided once when the entry is made:
  /// its name as scripts write it, and where a trailing table stands for options.
  final class Storage: Sendable {
    let module: String
    let name: String
    let summary: String
    let parameters: [Parameter]
    let options: [Parameter]
    let returns: [Returned]
    let methodOf: String?
    let metamethod: String?
    let details: String?
    let kind: Kind
    let global: Bool
    let body: Body
    let declarer: Declarer.Identity?

    /// `tensor.matmul`, `Model:fit` or `ingredient` (see `Entry.qualifiedName`).
    let qualifiedName: String
    /// The parameters that are not variadic.
    let fixedCount: Int
    /// Whether the variadic parameter, if any, takes a trailing table as one of its values.
    let variadicTakesTables: Bool
    /// For each fixed parameter: whether an empty table in its place stands for the options
    /// after it was left out (it is optional and does not take a table).
    let leavesOutAt: [Bool]
    /// The parameters and the options as each call checks them (see `ParameterPlan`).
    let parameterPlans: [ParameterPlan]
    let optionPlans: [ParameterPlan]
    let parameterCount: Int

    init(module: String, name: String, summary: String, parameters: [Parameter], options: [Parameter],
         returns: [Returned], methodOf: String?, metamethod: String?, details: String?, kind: Kind, global: Bool,
         body: Body, declarer: Declarer.Identity?) {
      self.module = module
      self.name = name
      self.summary = summary
      self.parameters = parameters
      self.options = options
      self.returns = returns
      self.methodOf = methodOf
      self.metamethod = metamethod
      self.details = details
      self.kind = kind
      self.global = global
      self.body = body
      self.declarer = declarer
      let methodOnly = methodOf.map { $0.lowercased() != module || kind != .native } ?? false
      qualifiedName = global ? name : methodOnly ? "\(methodOf!):\(name)" : "\(module).\(name)"  // cannot fail: methodOnly implies methodOf
      let fixed = parameters.filter { !$0.variadic }
      fixedCount = fixed.count
      if let p = parameters.first(where: \.variadic) {
        variadicTakesTables = (try? Arguments.check(.list([]), against: p.type, what: p.name)) != nil
          || (try? Arguments.check(.table([("k", .none)]), against: p.type, what: p.name)) != nil
      } else {
        variadicTakesTables = false
      }
      leavesOutAt = fixed.map { !$0.isRequired && !Arguments.takesTable($0.type) }
      parameterPlans = parameters.map(ParameterPlan.init)
      optionPlans = options.map(ParameterPlan.init)
      parameterCount = parameters.count
    }
  }
}
