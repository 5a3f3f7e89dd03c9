declare module "spdx-expression-parse" {
  namespace parse {
    type SpdxLicense = { license: string; plus?: boolean; exception?: string };
    type SpdxConjunction = { left: SpdxExpression; conjunction: "and" | "or"; right: SpdxExpression };
    type SpdxExpression = SpdxLicense | SpdxConjunction;
  }
  function parse(expression: string): parse.SpdxExpression;
  export = parse;
}
