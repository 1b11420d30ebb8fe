export const id = 185;
export const ids = [185];
export const modules = {

/***/ 185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KmsReportSigner: () => (/* binding */ KmsReportSigner)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2632);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6762);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8083);
/* harmony import */ var _report_signature_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6594);
/* harmony import */ var _report_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1341);
// Signs report digests with an AWS KMS asymmetric key (ECC_NIST_P256, ECDSA_SHA_256, MessageType DIGEST).





class KmsReportSigner {
    client;
    keyId;
    retry;
    constructor(client, keyId, retry = {}) {
        this.client = client;
        this.keyId = keyId;
        this.retry = retry;
    }
    describe() {
        return `KMS key ${this.keyId}`;
    }
    async sign(reportKey, sha256, environment) {
        // The digest signed binds the report's key and environment to its bytes (see signaturePayload).
        const digest = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Hex */ .fg)((0,_report_signature_js__WEBPACK_IMPORTED_MODULE_2__/* .signaturePayload */ .rH)(reportKey, environment, sha256));
        try {
            const answer = await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .b)(`sign with ${this.keyId}`, () => this.client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_4__/* .SignCommand */ .fJE({
                KeyId: this.keyId,
                Message: Buffer.from(digest, 'hex'),
                MessageType: 'DIGEST',
                SigningAlgorithm: 'ECDSA_SHA_256',
            })), this.retry);
            if (!answer.Signature)
                throw new Error('KMS answered without a signature');
            return {
                schema_drift_signature: 2,
                report_key: reportKey,
                environment,
                sha256,
                key_id: answer.KeyId ?? this.keyId,
                algorithm: 'ECDSA_SHA_256',
                signature: Buffer.from(answer.Signature).toString('base64'),
            };
        }
        catch (error) {
            throw new Error(`Could not sign the report with KMS key ${this.keyId}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`, {
                cause: error,
            });
        }
    }
    /** The key's public half as PEM, for offline verification. */
    async publicKeyPem() {
        const answer = await this.client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_4__/* .GetPublicKeyCommand */ .QSA({ KeyId: this.keyId })).catch((error) => {
            throw new Error(`Could not read the public key of KMS key ${this.keyId}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
        });
        const der = Buffer.from(answer.PublicKey ?? new Uint8Array()).toString('base64');
        return `-----BEGIN PUBLIC KEY-----\n${der.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PUBLIC KEY-----\n`;
    }
}


/***/ })

};
