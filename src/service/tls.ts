import { readFileSync } from "node:fs";
import { createSecureContext } from "node:tls";
import { ReftrackError, describeError, describeFileError } from "../errors.js";

/** The service's certificate and key (PEM), as `https.createServer` takes them. */
export interface TlsFiles {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/**
 * Reads the certificate and key and checks them as a pair, so a missing file, one that is not PEM
 * or a key that is not the certificate's is the operator's error, told in one line before the
 * service starts, not a stack trace from inside node:tls.
 */
export function loadTls(paths: { readonly cert: string; readonly key: string }): TlsFiles {
  const read = (path: string, what: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ReftrackError(`serve: cannot read the TLS ${what} ${path}: ${describeFileError(error, describeError(error))}`);
    }
  };
  const files = { cert: read(paths.cert, "certificate"), key: read(paths.key, "key") };
  try {
    createSecureContext({ ...files, minVersion: "TLSv1.2" });
  } catch (error) {
    throw new ReftrackError(`serve: the TLS certificate ${paths.cert} and key ${paths.key} cannot be used: ${describeError(error)}`);
  }
  return files;
}
