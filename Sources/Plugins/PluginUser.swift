/// A plugin's own context pointer (the `user` field of its descriptors), handed back unchanged
/// to the plugin's callbacks.
///
/// `@unchecked Sendable` so that the catalog entries a plugin adds, which are Sendable, can hold
/// it: Swift never reads or writes through the pointer, only passes it back to the plugin that
/// gave it, and the host calls a plugin's callbacks on the thread running the script.
struct PluginUser: @unchecked Sendable {
  let pointer: UnsafeMutableRawPointer?
}
