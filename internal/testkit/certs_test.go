package testkit

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// TestIssue: an issued certificate verifies against its CA for the names
// it was issued for (IP and DNS), as a server and as a client, and not
// against another CA, for another name, or once expired; the key file is
// the certificate's key.
func TestIssue(t *testing.T) {
	dir := t.TempDir()
	ca := NewCA(t, dir, "test-ca")
	other := NewCA(t, dir, "other-ca")
	certFile, keyFile := ca.Issue(t, dir, "broker", time.Now().Add(time.Hour), "127.0.0.1", "localhost")
	pair, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		t.Fatalf("the key does not match the certificate: %v", err)
	}
	cert, err := x509.ParseCertificate(pair.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	if cert.Subject.CommonName != "broker" || cert.Issuer.CommonName != "test-ca" {
		t.Errorf("subject %s issuer %s", cert.Subject, cert.Issuer)
	}
	pemCA, err := os.ReadFile(ca.File)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemCA) {
		t.Fatalf("%s holds no PEM certificate", ca.File)
	}
	for _, name := range []string{"127.0.0.1", "localhost"} {
		for _, usage := range []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth} {
			if _, err := cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: name, KeyUsages: []x509.ExtKeyUsage{usage}}); err != nil {
				t.Errorf("%s, usage %v: %v", name, usage, err)
			}
		}
	}
	if _, err := cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: "kafka.example"}); !errors.As(err, new(x509.HostnameError)) {
		t.Errorf("another name: err %v, want a HostnameError", err)
	}
	otherPool := x509.NewCertPool()
	otherPool.AddCert(other.Cert)
	if _, err := cert.Verify(x509.VerifyOptions{Roots: otherPool}); !errors.As(err, new(x509.UnknownAuthorityError)) {
		t.Errorf("another CA: err %v, want an UnknownAuthorityError", err)
	}
	expiredFile, _ := ca.Issue(t, dir, "expired", time.Now().Add(-time.Hour))
	data, _ := os.ReadFile(expiredFile)
	expired, err := tls.X509KeyPair(data, mustRead(t, dir+"/expired.key"))
	if err != nil {
		t.Fatal(err)
	}
	ec, _ := x509.ParseCertificate(expired.Certificate[0])
	var invalid x509.CertificateInvalidError
	if _, err := ec.Verify(x509.VerifyOptions{Roots: pool}); !errors.As(err, &invalid) || invalid.Reason != x509.Expired {
		t.Errorf("expired: err %v, want Expired", err)
	}

	body := KeyMaterial(t, keyFile)
	key := string(mustRead(t, keyFile))
	if len(body) == 0 || strings.Contains(strings.Join(body, "\n"), "PRIVATE KEY") {
		t.Fatalf("KeyMaterial = %q", body)
	}
	for _, l := range body {
		if !strings.Contains(key, l) {
			t.Errorf("%q is not a line of the key", l)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
