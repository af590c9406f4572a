"""WeCom customer service (微信客服): sync messages read and checked, the sessions they tell of,
their storage, and work orders opened from a customer's words (spec/wecom-kf-syncmsg.txt)."""
