/// The pattern of a Kubernetes event echoed into the log.
enum EventText {
  static let pattern =
    // An excerpt may elide the middle (`Name:"web-1" ... reason: 'R' …`): the type is then unknown.
    #"^Event\(v1\.ObjectReference\{Kind:"([^"]*)", Namespace:"([^"]*)", Name:"([^"]*)".*?(?:\}\): type: '(\w+)' |\s*\.\.\.\s*)reason: '(\w+)' (.*)"#
}
