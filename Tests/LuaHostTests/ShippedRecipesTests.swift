import Testing
@testable import LuaHost
import Foundation

/// The shipped recipes are found from the executable, whatever the working directory.
@Suite struct ShippedRecipesTests {
  static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// A scratch folder holding `files` (path → text; a text of nil makes a folder).
  func layout(_ files: [String: String?]) throws -> String {
    let root = NSTemporaryDirectory() + "crescent-shipped-\(UUID().uuidString)"
    for (path, text) in files {
      let full = root + "/" + path
      if let text {
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
      } else {
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
      }
    }
    return root
  }

  @Test func aCheckoutsRecipesAreFoundFromItsBuildFolder() throws {
    let root = try layout([
      "Package.swift": "let package = Package(\n  name: \"Crescent\",\n)", "recipes/kfold.lua": "return {}",
      ".build/x86_64-unknown-linux-gnu/release/crescent": "",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createSymbolicLink(atPath: root + "/.build/release", withDestinationPath: "x86_64-unknown-linux-gnu/release")
    let found = LuaState.shippedRecipes(executable: root + "/.build/release/crescent")
    #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            == URL(fileURLWithPath: root + "/recipes").resolvingSymlinksInPath().path)
  }

  @Test func anotherPackagesRecipesAreNotTaken() throws {
    let root = try layout(["Package.swift": "let package = Package(name: \"Other\")", "recipes": nil, "bin/crescent": ""])
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(LuaState.shippedRecipes(executable: root + "/bin/crescent") == nil)
  }

  @Test func anInstallationsRecipesAreFoundUnderShare() throws {
    let root = try layout(["bin/crescent": "", "share/crescent/recipes/kfold.lua": "return {}"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let found = try #require(LuaState.shippedRecipes(executable: root + "/bin/crescent"))
    #expect(found.hasSuffix("/share/crescent/recipes"))
    #expect(FileManager.default.fileExists(atPath: found + "/kfold.lua"))
  }

  @Test func theTestsFindThisCheckoutsRecipes() {
    #expect(LuaState.shippedRecipes.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            == URL(fileURLWithPath: Self.checkout + "/recipes").resolvingSymlinksInPath().path)
  }

  /// A script outside the checkout, with nothing on the search path but its own folder,
  /// still loads `recipes.kfold`.
  @Test func requireFindsAShippedRecipeOutsideTheCheckout() throws {
    let root = try layout(["elsewhere/uses.lua": "local k = require 'recipes.kfold'; result = k.table(k.summarize{{f1 = 0.5}, {f1 = 0.7}})"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    var options = LuaState.Options()
    options.searchPath = []
    let s = LuaState(options: options)
    try s.runFile(root + "/elsewhere/uses.lua")
    guard case .string(let text) = try s.global("result") else { Issue.record("no result"); return }
    #expect(text == "f1  0.6000 ± 0.1000")
  }
}
