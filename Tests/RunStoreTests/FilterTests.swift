import Catalog
import Foundation
import Testing
@testable import RunStore

@Suite struct FilterTests {
  func run(_ status: RunStatus, f1: Double?, lr: Double, experiment: String = "mlp") -> RunRecord {
    var r = RunRecord(id: "r", experiment: experiment, status: status, started: Date(timeIntervalSince1970: 0),
                      stopped: Date(timeIntervalSince1970: 10), heartbeat: Date(timeIntervalSince1970: 10), seed: 3,
                      configJSON: Value.table([("lr", .number(lr)), ("opt", .table([("name", .string("adam"))]))]).json)
    if let f1 { r.lastValues = [("val_f1_micro", f1)] }
    return r
  }

  func matches(_ filter: String, _ r: RunRecord) throws -> Bool {
    try RunFilter.parse(filter).matches(r, config: { FlatJSON.flatten(r.configJSON) })
  }

  @Test func comparisonsOfColumnsMetricsAndConfigKeys() throws {
    let good = run(.completed, f1: 0.7, lr: 0.01), poor = run(.completed, f1: 0.5, lr: 0.1), failed = run(.failed, f1: 0.8, lr: 0.01)
    let f = "status=COMPLETED and val_f1_micro>0.6"
    #expect(try matches(f, good) && !matches(f, poor) && !matches(f, failed))
    #expect(try matches("config.lr<=0.01", good) && !matches("config.lr<=0.01", poor))
    #expect(try matches("config.opt.name='adam'", good))
    #expect(try matches("val_f1_micro >= 0.7 or status != COMPLETED", failed))
    #expect(try !matches("duration<10", good) && matches("duration>=10", good))
    #expect(try matches("seed=3 and experiment=mlp", good))
  }

  @Test func andBindsTighterThanOrAndParenthesesGroup() throws {
    let r = run(.failed, f1: 0.1, lr: 1)
    // failed or (completed and f1 > 0.6): true; (failed or completed) and f1 > 0.6: false.
    #expect(try matches("status=FAILED or status=COMPLETED and val_f1_micro>0.6", r))
    #expect(try !matches("(status=FAILED or status=COMPLETED) and val_f1_micro>0.6", r))
  }

  @Test func aRunWithoutTheKeyDoesNotMatch() throws {
    let r = run(.completed, f1: nil, lr: 1)
    #expect(try !matches("val_f1_micro>0", r) && !matches("val_f1_micro<0", r) && !matches("config.missing=1", r))
  }

  @Test func malformedFiltersSayWhatIsWrong() {
    #expect { try RunFilter.parse("status") } throws: { "\($0)".contains("'status' must be followed by one of = != < <= > >=") }
    #expect { try RunFilter.parse("status= ") } throws: { "\($0)".contains("needs a value") }
    #expect { try RunFilter.parse("a=1 b=2") } throws: { "\($0)".contains("unexpected 'b = 2'") }
    #expect { try RunFilter.parse("(a=1") } throws: { "\($0)".contains("is not closed") }
    #expect { try RunFilter.parse("a=1 and") } throws: { "\($0)".contains("missing at the end") }
  }

  @Test func configJSONFlattensInWrittenOrder() {
    let v = Value.table([("z", .integer(1)), ("a", .list([.number(0.5), .string("x\"y")])),
                         ("n", .table([("k", .bool(true)), ("nan", .number(.nan))]))])
    let flat = FlatJSON.flatten(v.json)
    #expect(flat.map(\.key) == ["z", "a.1", "a.2", "n.k", "n.nan"])
    #expect(flat.map(\.value) == [.number(1), .number(0.5), .string("x\"y"), .bool(true), .string("nan")])
  }
}

@Suite struct RunTableTests {
  @Test func numbersAreWrittenAsPrintfWouldWriteThem() {
    for d in [0.5, -0.25, 0.00012345, 123.456789, -999999.99999, 0.0333333, 2.71828, 1e-3, -1.00005, 0.99999] {
      let expected = abs(d) >= 1e-3 && abs(d) < 1e6 ? String(format: "%.4f", d) : String(format: "%.4g", d)
      #expect(RunTable.number(d) == expected, "\(d)")
    }
    #expect(RunTable.number(.nan) == "nan" && RunTable.number(-.infinity) == "-inf" && RunTable.number(3) == "3")
    #expect(RunTable.duration(12.34) == "12.3s" && RunTable.duration(125) == "2m05s" && RunTable.duration(3725) == "1h02m")
  }
}
