import Catalog

extension Run: CatalogObject {
  public static let typeName = "Run"
  public static let properties = [
    Property("id", .string, "the run's id; its artifacts go to runs/<id>/"),
    Property("experiment", .string, "the experiment's name"),
    Property("seed", .integer, "the root seed every random stream of the run derives from"),
    Property("config", .record, "a copy of the final config (changing it changes nothing)"),
    Property("folder", .string, "the folder artifacts are written to"),
    Property("series", .record, "a copy of the logged series so far: name -> {steps = {...}, values = {...}}; each fit logs its own (loss, then fit2/loss, ... or its log_prefix)"),
  ]

  public func property(_ name: String) -> Value? {
    switch name {
    case "id": return .string(id)
    case "experiment": return .string(experiment)
    case "seed": return .integer(Int(truncatingIfNeeded: seed))
    case "config": return config
    case "folder": return .string(folder.path)
    case "series":
      return .table(seriesNames.map { name in
        let points = series[name] ?? []
        return (name, .table([("steps", .list(points.map { .integer($0.step) })), ("values", .list(points.map { .number($0.value) }))]))
      })
    default: return nil
    }
  }
}

/// The `run` object's methods as catalog entries (the object is handed to `ex:main`).
public enum ExperimentLibrary {
  public static let summary = "Experiments: `local ex = experiment \"name\"`, ex:config{...}, ex:named_config(name, {...}), ex:main(function(cfg, run) ... end); ingredients; the run object."

  static let runParameter = Parameter("run", .object("Run"), "the run")

  static func run(_ a: Arguments) -> Run {
    guard case .object(let o) = a.value("run"), let r = o as? Run else { preconditionFailure("not a Run") }
    return r
  }

  public static var entries: [Entry] {
    [
      Entry(module: "experiment", name: "log", summary: "Logs a scalar into a named series: `run:log(\"val_loss\", 0.31, epoch)`.",
            parameters: [runParameter, Parameter("name", .string, "the series"), Parameter("value", .number, "the value"),
                         Parameter("step", .integer, "its step (default: one after the series' last)", optional: true)],
            methodOf: "Run") { a in
        try run(a).log(a.string("name"), a.double("value"), step: a.optionalInt("step"))
        return []
      },
      Entry(module: "experiment", name: "log_curve", summary: "Keeps a curve (a table of lists, such as metrics.roc_curve gives) under a name.",
            parameters: [runParameter, Parameter("name", .string, "the curve's name"), Parameter("curve", .record, "a table of lists")],
            methodOf: "Run") { a in
        try run(a).logCurve(a.string("name"), a.value("curve"))
        return []
      },
      Entry(module: "experiment", name: "artifact", summary: "Writes a text file into the run's folder (runs/<id>/ unless --runs-dir says otherwise); returns its path.",
            parameters: [runParameter, Parameter("name", .string, "a relative file name: no '..', no leading '/'"),
                         Parameter("content", .string, "the text to write")],
            returns: [Returned(.string, "the path written")], methodOf: "Run") { a in
        [.string(try run(a).artifact(a.string("name"), content: a.string("content")).path)]
      },
      Entry(module: "experiment", name: "tostring", summary: "`Run(<id>, experiment <name>, seed <seed>)`.",
            parameters: [runParameter], returns: [Returned(.string, "text")], methodOf: "Run", metamethod: "__tostring") { a in
        let r = run(a)
        return [.string("Run(\(r.id), experiment \(r.experiment), seed \(r.seed))")]
      },
    ]
  }
}
