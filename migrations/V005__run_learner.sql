-- A signed-in learner's runs point at their account, now that accounts exist.
alter table run add constraint run_user_fk foreign key (user_id) references app_user (id);
