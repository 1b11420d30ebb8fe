export const id = 185;
export const ids = [185];
export const modules = {

/***/ 185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KmsReportSigner: () => (/* binding */ KmsReportSigner)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2632);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6762);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8083);
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
    async sign(reportKey, sha256) {
        try {
            const answer = await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .b)(`sign with ${this.keyId}`, () => this.client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_2__/* .SignCommand */ .fJE({
                KeyId: this.keyId,
                Message: Buffer.from(sha256, 'hex'),
                MessageType: 'DIGEST',
                SigningAlgorithm: 'ECDSA_SHA_256',
            })), this.retry);
            if (!answer.Signature)
                throw new Error('KMS answered without a signature');
            return {
                schema_drift_signature: 1,
                report_key: reportKey,
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
        const answer = await this.client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_2__/* .GetPublicKeyCommand */ .QSA({ KeyId: this.keyId })).catch((error) => {
            throw new Error(`Could not read the public key of KMS key ${this.keyId}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
        });
        const der = Buffer.from(answer.PublicKey ?? new Uint8Array()).toString('base64');
        return `-----BEGIN PUBLIC KEY-----\n${der.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PUBLIC KEY-----\n`;
    }
}


/***/ })

};
