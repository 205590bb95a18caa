// Handlebars's runtime alone (no compiler) is the same object as the whole package, less compile() and precompile().
// Its own declaration file declares the module empty.
declare module "handlebars/runtime.js" {
  import Handlebars from "handlebars";
  export default Handlebars;
}
