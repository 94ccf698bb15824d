/**
 * The account form of the users page (issue #14 §4): create an account with role and scope
 * (district for case officers, provider for providers), or change one: name, role, scope, a new
 * password, active or not. The server ends the account's sessions at once when it is deactivated
 * or its role, scope or password changes; the form says so.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, formFieldError, patch, post } from '../api.js';
import type { Role } from '../../contract/auth.js';
import { ROLE_LABELS } from '../../contract/labels.js';
import type { UserCreate, UserPatch, UserView } from '../../contract/users.js';
import { useDistricts, useProviders } from '../hooks.js';
import { BAD } from '../colors.js';

const FIELDS = ['username', 'name', 'role', 'districtId', 'providerId', 'password', 'active'] as const;

/** The form's own checks, in Swedish, before anything is sent (the server checks again). */
function check(
  v: {
    username: string;
    name: string;
    role: Role;
    district: string | null;
    provider: string | null;
    password: string;
  },
  creating: boolean,
): Record<string, string> {
  const e: Record<string, string> = {};
  if (creating && !/^[a-z0-9._-]{2,50}$/.test(v.username))
    e.username =
      'Användarnamnet har 2–50 tecken: små bokstäver a–z, siffror, punkt, understreck eller bindestreck.';
  if (!v.name.trim()) e.name = 'Skriv namnet.';
  if (v.role === 'case_officer' && !v.district)
    e.districtId = 'En handläggare hör till en stadsdel: välj den.';
  if (v.role === 'provider' && !v.provider) e.providerId = 'Ett utförarkonto hör till en utförare: välj den.';
  if ((creating || v.password) && v.password.length < 10) e.password = 'Lösenordet ska ha minst 10 tecken.';
  return e;
}

/** Create (`user` null) or change an account in a dialog; `onDone` gets the saved account. */
export function UserForm({
  user,
  opened,
  onClose,
  onDone,
}: {
  user: UserView | null;
  opened: boolean;
  onClose: () => void;
  onDone: (saved: UserView, what: string) => void;
}) {
  const qc = useQueryClient();
  const creating = user === null;
  const [username, setUsername] = useState(user?.username ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'case_officer');
  const [district, setDistrict] = useState<string | null>(user?.districtId ?? null);
  const [provider, setProvider] = useState<string | null>(user?.providerId ?? null);
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const districts = useDistricts();
  const providers = useProviders();

  const save = useMutation({
    mutationFn: () => {
      const scope = {
        districtId: role === 'case_officer' ? district : null,
        providerId: role === 'provider' ? provider : null,
      };
      if (creating) {
        const body: UserCreate = { username, name: name.trim(), role, ...scope, password };
        return post<UserView>('/api/users', body);
      }
      const body: UserPatch = {
        name: name.trim(),
        ...(role !== user.role ? { role } : {}),
        ...(scope.districtId !== user.districtId ? { districtId: scope.districtId } : {}),
        ...(scope.providerId !== user.providerId ? { providerId: scope.providerId } : {}),
        ...(active !== user.active ? { active } : {}),
        ...(password ? { password } : {}),
      };
      return patch<UserView>(`/api/users/${user.id}`, body);
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      onDone(saved, creating ? 'Kontot är skapat.' : 'Kontot är sparat.');
    },
    onError: (e) => {
      const field = formFieldError(e, FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });

  // A corrected field loses its error at once.
  const clear = (key: string) => setErrors(({ [key]: _gone, ...rest }) => rest);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = check({ username, name, role, district, provider, password }, creating);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const ends =
    !creating &&
    (active !== user.active ||
      role !== user.role ||
      password !== '' ||
      district !== user.districtId ||
      provider !== user.providerId);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={creating ? 'Nytt konto' : `Ändra ${user.username}`}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {creating && (
            <TextInput
              label="Användarnamn"
              description="Små bokstäver, siffror, punkt, understreck eller bindestreck"
              value={username}
              onChange={(e) => {
                setUsername(e.currentTarget.value);
                clear('username');
              }}
              error={errors.username}
              required
            />
          )}
          <TextInput
            label="Namn"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clear('name');
            }}
            error={errors.name}
            required
          />
          <Select
            label="Roll"
            data={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({
              value: r,
              label: ROLE_LABELS[r].title,
            }))}
            value={role}
            onChange={(v) => {
              if (v) setRole(v as Role);
              clear('role');
            }}
            error={errors.role}
            allowDeselect={false}
            required
          />
          {role === 'case_officer' && (
            <Select
              label="Stadsdel"
              description="Handläggaren ser bara sin stadsdels klienter"
              data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={district}
              onChange={(v) => {
                setDistrict(v);
                clear('districtId');
              }}
              error={errors.districtId}
              searchable
              required
            />
          )}
          {role === 'provider' && (
            <Select
              label="Utförare"
              description="Kontot ser bara utförarens egna enheter och godkända specifikationer"
              data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={provider}
              onChange={(v) => {
                setProvider(v);
                clear('providerId');
              }}
              error={errors.providerId}
              searchable
              required
            />
          )}
          <PasswordInput
            label={creating ? 'Lösenord' : 'Nytt lösenord (frivilligt)'}
            description="Minst 10 tecken"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              clear('password');
            }}
            error={errors.password}
            required={creating}
            autoComplete="new-password"
          />
          {!creating && (
            <Switch
              label="Kontot är aktivt"
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          {ends && <Text size="sm">Personens pågående inloggningar avslutas direkt när du sparar.</Text>}
          {save.isError && !formFieldError(save.error, FIELDS) && (
            <Alert color="red" role="alert" title="Kunde inte spara kontot">
              <Text c={BAD} size="sm">
                {save.error instanceof ApiError ? save.error.message : errorMessage(save.error)}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Avbryt
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? 'Skapa kontot' : 'Spara'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
