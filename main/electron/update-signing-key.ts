/**
 * The public half of the release signing key (Ed25519, SPKI DER in base64). Every update's
 * latest.yml and installer must carry a signature from the matching private key
 * (latest.yml.sig, made by `npm run release:sign`), or the app refuses to install it,
 * whatever the feed or the Windows signature says. The private key never enters this
 * repository: `npm run release:keygen` writes it elsewhere and prints the line for here.
 *
 * Rotating: add the new key to the list, ship a release signed with the old key, then sign
 * with the new one and drop the old key in a later release.
 */
export const UPDATE_SIGNING_PUBLIC_KEYS: readonly string[] = [
  // aeps-kiosk release key 1 (generated 2026-12)
  'MCowBQYDK2VwAyEAnqBLDMHzE+ByHHhPPFw/ziv7Fs9HsPBxdF27MDVSEOo=',
];
