import Catalog
import Experiments

/// The declarations of the functions the host writes in Lua: `experiment`, `ingredient` and
/// their methods (Prelude), `describe`, `it` and `assert.*` (SpecPrelude). The Lua code
/// implements them; these declarations document them in `crescent doc` and `crescent types`,
/// and the host's tests check that the two name the same functions.
public enum PreludeLibrary {
  /// Adds the declarations to `catalog` (once).
  public static func register(into catalog: Catalog) throws {
    guard catalog.module(specModule) == nil else { return }
    catalog.registerType("Experiment", summary: "The script's experiment, made by `experiment \"name\"`: its config, named configs, ingredients and main.",
                         properties: [Property("name", .string, "the experiment's name")], scripted: true)
    catalog.registerType("Ingredient", summary: "A reusable part of an experiment with its own config (under cfg.<name>), made by `ingredient \"name\"` in a module.",
                         properties: [Property("name", .string, "the ingredient's name: its config's key")], scripted: true)
    try catalog.register(module: "experiment", summary: ExperimentLibrary.summary, entries: experimentEntries)
    try catalog.register(module: specModule, summary: "Specs for `crescent test`: describe, it and assert.* (only there).", entries: specEntries)
  }

  static let specModule = "spec"

  static let settings = Parameter("settings", .either(.record, .function),
                                  "a table of settings, or a function(cfg) that derives values after the overrides (it may change cfg or return a new table)")

  static func scripted(_ module: String, _ name: String, _ summary: String, _ parameters: [Parameter] = [],
                       returns: [Returned] = [], methodOf: String? = nil, global: Bool = false, details: String? = nil) -> Entry {
    Entry(module: module, name: name, summary: summary, parameters: parameters, returns: returns, methodOf: methodOf,
          details: details, kind: .scripted, global: global)
  }

  static var experimentEntries: [Entry] {
    let ex = Returned(.object("Experiment"), "the experiment (methods chain)")
    return [
      scripted("experiment", "experiment", "Declares the script's experiment (one per script); Crescent runs its main after the script returns.",
               [Parameter("spec", .either(.string, .record), "its name, or {\"name\", ingredients = {...}}")], returns: [ex], global: true,
               details: "`local ex = experiment \"name\"` or `experiment{\"name\", ingredients = {mlp}}`. The final config is the declared settings, then the named configs and `with` overrides of the command line, then the derived values."),
      scripted("experiment", "ingredient", "Declares an ingredient: a reusable part with its own config under cfg.<name> (a module returns it).",
               [Parameter("name", .string, "a word such as \"mlp\": its config's key")],
               returns: [Returned(.object("Ingredient"), "the ingredient")], global: true),
      scripted("experiment", "config", "Adds settings (defaults, or a function deriving values); may be called several times.",
               [Parameter("ex", .object("Experiment"), "the experiment"), settings], returns: [ex], methodOf: "Experiment"),
      scripted("experiment", "named_config", "Declares a named config that `with <name>` applies over the defaults.",
               [Parameter("ex", .object("Experiment"), "the experiment"), Parameter("name", .string, "the config's name"),
                Parameter("settings", .record, "the settings it changes")], returns: [ex], methodOf: "Experiment"),
      scripted("experiment", "main", "Gives the function Crescent runs with the final config and the run; what it returns is the run's result.",
               [Parameter("ex", .object("Experiment"), "the experiment"), Parameter("fn", .function, "function(cfg, run)")],
               returns: [ex], methodOf: "Experiment"),
      scripted("experiment", "sweep", "Declares the search space `crescent sweep` searches: each config key to search = a distribution, the objective and its direction; once per experiment.",
               [Parameter("ex", .object("Experiment"), "the experiment"),
                Parameter("space", .record, "{lr = sweep.loguniform(1e-4, 1e-1), hidden = sweep.choice{128, 256}, [\"optim.beta1\"] = sweep.uniform(0.8, 0.99), objective = \"val_f1_micro\", direction = \"maximize\"}")],
               returns: [ex], methodOf: "Experiment",
               details: "Dotted keys reach nested config keys, as `with` overrides do; each key must be one of the config's (checked when the run's config is built, before main). A parameter with `{when = {optimizer = \"sgd\"}}` is active only when that choice took that value. The objective is a metric the run logs (fit's epoch metrics such as val_f1_micro, or run:report's values); direction is \"minimize\" or \"maximize\". Parameters are kept sorted by key, each conditional one after the one it depends on."),
      scripted("experiment", "add_ingredient", "Adds an ingredient: its config goes under cfg.<name>.",
               [Parameter("ex", .object("Experiment"), "the experiment"), Parameter("ingredient", .object("Ingredient"), "the ingredient")],
               returns: [ex], methodOf: "Experiment"),
      scripted("experiment", "config", "Adds settings to the ingredient's config (or a function deriving values from it).",
               [Parameter("ingredient", .object("Ingredient"), "the ingredient"), settings],
               returns: [Returned(.object("Ingredient"), "the ingredient")], methodOf: "Ingredient"),
    ]
  }

  static var specEntries: [Entry] {
    let message = Parameter("message", .string, "a prefix for the failure message", optional: true)
    return [
      scripted(specModule, "describe", "A group of specs; failures name the groups and the spec.",
               [Parameter("name", .string, "the group's name"), Parameter("fn", .function, "function() holding `it` calls")], global: true),
      scripted(specModule, "it", "One spec: runs fn, records a pass, or a failure with the failing line's file:line.",
               [Parameter("name", .string, "what the spec checks"), Parameter("fn", .function, "function() that raises an error to fail")], global: true),
      scripted(specModule, "assert", "Lua's assert: fails unless v is true; also a table of the checks below.",
               [Parameter("v", .any, "the value to check"), Parameter("message", .any, "the error when v is false or nil", optional: true)],
               returns: [Returned(.any, "v and the other arguments")], global: true),
      scripted(specModule, "assert.equals", "Fails unless actual equals expected (tables compared deeply).",
               [Parameter("actual", .any, "the value computed"), Parameter("expected", .any, "the value wanted"), message], global: true),
      scripted(specModule, "assert.near", "Fails unless |actual - expected| <= tol.",
               [Parameter("actual", .number, "the value computed"), Parameter("expected", .number, "the value wanted"),
                Parameter("tol", .number, "the tolerance", default: .number(1e-6)), message], global: true),
      scripted(specModule, "assert.truthy", "Fails unless v is neither false nor nil; returns v.",
               [Parameter("v", .any, "the value"), message], returns: [Returned(.any, "v")], global: true),
      scripted(specModule, "assert.falsy", "Fails unless v is false or nil.", [Parameter("v", .any, "the value"), message], global: true),
      scripted(specModule, "assert.errors", "Fails unless fn raises an error (matching pattern, as a Lua pattern or plain text); returns the message.",
               [Parameter("fn", .function, "the function to call"), Parameter("pattern", .string, "what the message must contain", optional: true), message],
               returns: [Returned(.string, "the error message")], global: true),
    ]
  }
}
