/**
 * Sign-in (issue #6 step 1): visible labels, errors next to the fields, the server's answer read
 * out at once.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useAuth } from '../auth.js';
import { errorMessage } from '../api.js';
import { Page } from '../components/Page.js';
import { BAD } from '../colors.js';
import { clearFieldError } from '../components/field-errors.js';

/** The sign-in form shown to everyone without a session. */
export function LoginPage() {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = {
      username: username.trim() ? undefined : 'Fyll i ditt användarnamn.',
      password: password ? undefined : 'Fyll i ditt lösenord.',
    };
    setErrors(next);
    setFailure(null);
    if (next.username || next.password) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setFailure(errorMessage(err) || 'Inloggningen misslyckades.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Logga in">
      <Paper withBorder p="lg" maw={420}>
        <form onSubmit={submit} noValidate aria-label="Inloggning">
          <Stack>
            <Text>Logga in med ditt användarnamn och lösenord.</Text>
            {failure && (
              <Alert color="red" role="alert" title="Inloggningen misslyckades">
                <Text c={BAD}>{failure}</Text>
              </Alert>
            )}
            <TextInput
              label="Användarnamn"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => {
                setUsername(e.currentTarget.value);
                clearFieldError(setErrors, 'username');
              }}
              error={errors.username}
              required
            />
            <PasswordInput
              label="Lösenord"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                clearFieldError(setErrors, 'password');
              }}
              error={errors.password}
              required
            />
            <Button type="submit" loading={busy}>
              Logga in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
