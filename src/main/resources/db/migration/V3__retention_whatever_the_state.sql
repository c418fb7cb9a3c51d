-- Retention drops the oldest payments whatever their state, and those older than a maximum
-- age on their namespace's clock: it needs every payment in creation order and its creation
-- time, no longer which are finished.
alter table payments add column created timestamptz;
update payments set created = case jsonb_typeof(data -> 'created')
    when 'string' then (data ->> 'created')::timestamptz
    else to_timestamp((data ->> 'created')::double precision) end;
alter table payments alter column created set not null;
drop index payments_finished;
alter table payments drop column finished;
create index payments_oldest_first on payments (sequence);
