import ArgumentParser
import LogParse

extension CasLogs {
  /// `cas-logs catalog`: the messages cas-logs understands.
  struct CatalogList: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "catalog", abstract: "List the Cluster Autoscaler messages cas-logs recognises.")

    func run() {
      var text = ""
      for entry in Catalog.entries {
        text += "\(entry.id)\tV(\(entry.verbosity))\t\(entry.versions)\n"
        if let form = entry.structured { text += "\tstructured\t\(form.description)\n" }
        for example in entry.examples {
          let line = example.line.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
          text += "\t\(example.versions)\t\(line)\n"
        }
      }
      Output.standard(text)
    }
  }
}
