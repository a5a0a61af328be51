import { navigate } from '../router.ts';

/** An ordinary link (open in a new tab works) that navigates in place on a plain click. */
export function Link(props: React.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...props}
      onClick={(event) => {
        props.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
          return;
        event.preventDefault();
        navigate(props.href);
      }}
    />
  );
}
