declare module "spdx-expression-parse" {
  type SpdxLicense = { license: string; plus?: boolean; exception?: string };
  type SpdxConjunction = { left: SpdxExpression; conjunction: "and" | "or"; right: SpdxExpression };
  type SpdxExpression = SpdxLicense | SpdxConjunction;
  function parse(expression: string): SpdxExpression;
  export = parse;
}
