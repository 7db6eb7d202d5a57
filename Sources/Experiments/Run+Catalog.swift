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
    Property("info", .record, "a table the script fills (run.info.notes = \"...\"), saved with the run when it ends (as Sacred's run.info); numbers, strings, booleans and tables of them",
             filledByScript: true),
  ]

  public func setProperty(_ name: String, to value: Value) throws {
    guard name == "info" else { throw CatalogError("field '\(name)' of a Run cannot be set") }
    info = value
  }

  public func property(_ name: String) -> Value? {
    switch name {
    case "id": return .string(id)
    case "experiment": return .string(experiment)
    case "seed": return .integer(Int(truncatingIfNeeded: seed))
    case "config": return config
    case "folder": return .string(folder.path)
    case "info": return info
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

  /// A method of the run object.
  static func method(_ name: String, _ summary: String, returns: [Returned] = [], metamethod: String? = nil,
                     declare: (Declarer, Arg<Run>) -> @Sendable (Arguments) throws -> [Value]) -> Entry {
    Entry(module: "experiment", name: name, summary: summary, returns: returns, methodOf: "Run", metamethod: metamethod) { d in
      declare(d, d.object(runParameter.name, Run.self, runParameter.doc))
    }
  }

  public static var entries: [Entry] {
    [
      method("log", "Logs a scalar into a named series: `run:log(\"val_loss\", 0.31, epoch)`.") { d, run in
        let name = d.parameter("name", String.self, "the series")
        let value = d.parameter("value", Double.self, "the value")
        let step = d.optionalParameter("step", Int.self, "its step (default: one after the series' last)")
        return { a in
          try a[run].log(try a[name], try a[value], step: try a[step])
          return []
        }
      },
      method("report", "Reports an intermediate value of the objective at a step (an epoch of a custom loop): `run:report(epoch, val_f1)`. It is logged as the series `objective`; in a trial of `crescent sweep` the study's pruner sees it too, and when it prunes the trial the run stops at once (`trial pruned at step N`, which pcall cannot catch).") { d, run in
        let step = d.parameter("step", Int.self, "the step (an epoch), a non-negative integer", as: .nonNegativeInteger)
        let value = d.parameter("value", Double.self, "the objective's value there, a finite number")
        return { a in
          try a[run].report(step: try a[step], value: try a[value], to: a.session.trial)
          return []
        }
      },
      method("history", "The points of a series so far, as recorded (from the run store when the run is recorded): `run:history(\"val_loss\")` gives {steps = {...}, values = {...}}, empty lists for a series never logged.",
             returns: [Returned(.record, "{steps = {...}, values = {...}}")]) { d, run in
        let name = d.parameter("name", String.self, "the series (as logged: val_loss, or fit2/val_loss for a second fit)")
        return { a in
          let points = try a[run].history(try a[name])
          return [.table([("steps", .list(points.map { .integer($0.step) })), ("values", .list(points.map { .number($0.value) }))])]
        }
      },
      method("log_curve", "Keeps a curve (a table of lists, such as metrics.roc_curve gives) under a name.") { d, run in
        let name = d.parameter("name", String.self, "the curve's name")
        let curve = d.parameter("curve", Value.self, "a table of lists", as: .record)
        return { a in
          try a[run].logCurve(try a[name], try a[curve])
          return []
        }
      },
      method("artifact", "Writes a text file into the run's folder (runs/<id>/ unless --runs-dir says otherwise); returns its path.",
             returns: [Returned(.string, "the path written")]) { d, run in
        let name = d.parameter("name", String.self, "a relative file name: no '..', no leading '/'")
        let content = d.parameter("content", String.self, "the text to write")
        return { a in [.string(try a[run].artifact(try a[name], content: try a[content]).path)] }
      },
      method("tostring", "`Run(<id>, experiment <name>, seed <seed>)`.", returns: [Returned(.string, "text")],
             metamethod: "__tostring") { _, run in
        { a in
          let r = try a[run]
          return [.string("Run(\(r.id), experiment \(r.experiment), seed \(r.seed))")]
        }
      },
    ]
  }
}
