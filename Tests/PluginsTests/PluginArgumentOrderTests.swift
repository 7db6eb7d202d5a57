import Foundation
@testable import Catalog
@testable import Plugins
import Testing
import Tensors

/// A plugin's entries read their arguments through typed declarations, and the callback gets
/// them in the plugin's declaration order whichever are positional and which are options.
@Suite(.serialized) struct PluginArgumentOrderTests {
  /// Five parameters, options between the positional ones; the callback checks each type and
  /// returns a number that encodes every value.
  static let source = """
    #include <string.h>
    #include "crescent_plugin.h"
    CRESCENT_PLUGIN_DECLARE_ABI
    static const crescent_plugin_api *api;
    static int probe(crescent_call *c, const crescent_arg *a, int n, void *u) {
      (void)u;
      crescent_type want[5] = {CRESCENT_NUMBER, CRESCENT_INTEGER, CRESCENT_STRING, CRESCENT_BOOL, CRESCENT_TENSOR};
      if (n != 5) { api->fail(c, "expected 5 arguments"); return 1; }
      for (int i = 0; i < 5; i++) if (a[i].type != want[i]) { api->fail(c, "argument out of order"); return 1; }
      double s = a[0].number + 10 * a[1].number + 100 * (a[2].string ? (double)strlen(a[2].string) : -1) + 1000 * a[3].number;
      if (a[4].tensor.data) s += 10000 * a[4].tensor.data[0];
      api->result_number(c, s);
      return 0;
    }
    int crescent_plugin_init(const crescent_plugin_api *a, void *host) {
      api = a;
      static const crescent_param params[] = {
        {"a", CRESCENT_NUMBER, "a number", NULL, 0},
        {"k", CRESCENT_INTEGER, "an integer option", "3", 1},
        {"s", CRESCENT_STRING, "a string", "\\"hi\\"", 0},
        {"flag", CRESCENT_BOOL, "a flag option", "false", 1},
        {"t", CRESCENT_TENSOR, "a tensor", NULL, 0},
      };
      crescent_function_desc f = {"probe", "mix", "Encodes its arguments.", params, 5, CRESCENT_NUMBER, probe, NULL};
      return api->register_function(host, &f);
    }
    """

  func loaded() throws -> Catalog {
    try FileManager.default.createDirectory(atPath: PluginLoaderTests.folder, withIntermediateDirectories: true)
    let path = PluginLoaderTests.folder + "/probe.c"
    try Self.source.write(toFile: path, atomically: true, encoding: .utf8)
    let c = Catalog.standard()
    try PluginLoader.load(try PluginLoaderTests.build(path, named: "libprobe.so"), into: c)
    return c
  }

  @Test func argumentsReachTheCallbackInDeclarationOrder() throws {
    let c = try loaded()
    let f = try #require(c.entry("probe.mix"))
    #expect(f.parameters.map(\.name) == ["a", "s", "t"])
    #expect(f.options.map(\.name) == ["k", "flag"])
    let t = Tensor(shape: [2], scalars: [2, 5])
    func call(_ args: Value...) throws -> Double? {
      guard case .number(let v)? = try f.call(args, in: Session(catalog: c)).first else { return nil }
      return v
    }
    // 1.5 + 10·4 + 100·len("abc") + 1000·1 + 10000·2
    #expect(try call(.number(1.5), .string("abc"), .tensor(t), .table([("k", .integer(4)), ("flag", .bool(true))])) == 21341.5)
    // Defaults: k 3, flag false; a number as the tensor is a scalar tensor.
    #expect(try call(.integer(2), .string("hello"), .number(0.5)) == 2 + 30 + 500 + 5000)
  }

  @Test func everyPluginEntryReadsTypedArguments() throws {
    let c = try loaded()
    try PluginLoader.load(try PluginLoaderTests.example.get(), into: c)
    for name in ["probe.mix", "extras.softsign", "losses.SquaredHinge", "metrics.label_cardinality_error", "nn.Softsign"] {
      let e = try #require(c.entry(name))
      #expect(e.declarer != nil, "\(name) reads its arguments by name")
    }
  }
}
